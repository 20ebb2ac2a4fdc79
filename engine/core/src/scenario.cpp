#include "frontline/scenario.hpp"

#include <cstdio>

namespace frontline {

std::string_view outcome_name(Outcome o) {
    switch (o) {
        case Outcome::delighted: return "delighted";
        case Outcome::satisfied: return "satisfied";
        case Outcome::neutral: return "neutral";
        case Outcome::lost: return "lost";
        case Outcome::complaint: return "complaint";
    }
    return "neutral";
}

std::optional<Outcome> parse_outcome(std::string_view s) {
    for (int i = 0; i < outcome_count; ++i)
        if (outcome_name(static_cast<Outcome>(i)) == s) return static_cast<Outcome>(i);
    return std::nullopt;
}

const std::vector<std::string>& outcome_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (int i = 0; i < outcome_count; ++i) out.emplace_back(outcome_name(static_cast<Outcome>(i)));
        return out;
    }();
    return names;
}

std::string_view channel_name(Channel c) {
    switch (c) {
        case Channel::phone: return "phone";
        case Channel::desk: return "desk";
        case Channel::chat: return "chat";
    }
    return "phone";
}

std::optional<Channel> parse_channel(std::string_view s) {
    for (int i = 0; i < channel_count; ++i)
        if (channel_name(static_cast<Channel>(i)) == s) return static_cast<Channel>(i);
    return std::nullopt;
}

const std::vector<std::string>& hair_names() {
    static const std::vector<std::string> names = {"short", "long", "bun", "bob", "curly", "bald"};
    return names;
}
const std::vector<std::string>& hair_colour_names() {
    static const std::vector<std::string> names = {"black", "brown", "auburn", "blond", "grey"};
    return names;
}
const std::vector<std::string>& skin_names() {
    static const std::vector<std::string> names = {"light", "medium", "tan", "brown", "dark"};
    return names;
}
const std::vector<std::string>& age_names() {
    static const std::vector<std::string> names = {"young", "adult", "older"};
    return names;
}

int Scenario::find_node(std::string_view name) const {
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == name) return static_cast<int>(i);
    return -1;
}

int Scenario::find_ending(std::string_view name) const {
    for (size_t i = 0; i < endings.size(); ++i)
        if (endings[i].id == name) return static_cast<int>(i);
    return -1;
}

Target Scenario::resolve(std::string_view name) const {
    if (int n = find_node(name); n >= 0) return {Target::Kind::node, n};
    if (int e = find_ending(name); e >= 0) return {Target::Kind::ending, e};
    return {Target::Kind::node, -1};
}

std::string hash_content(std::string_view bytes) {
    // FNV-1a 64: not cryptographic, only "is this the same text the result was made on".
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

const std::vector<std::string>& known_skills() {
    // The six behaviours of best-in-class service (seed 004), plus service recovery (seed 003).
    static const std::vector<std::string> skills = {
        "encourage-feedback", "delight", "understand-the-customer", "manage-expectations",
        "say-no", "human-touch", "service-recovery",
    };
    return skills;
}

}  // namespace frontline
