// xAPI 1.0.3 statements for stored attempts. The shapes (verbs, activity ids,
// extensions) are documented in docs/results.md; keep the two in step.
#include "frontline/results/export.hpp"

#include "time_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace frontline::results {

using nlohmann::json;

namespace {

constexpr const char* adl_verbs = "http://adlnet.gov/expapi/verbs/";
constexpr const char* simulation_type = "http://adlnet.gov/expapi/activities/simulation";
constexpr const char* interaction_type = "http://adlnet.gov/expapi/activities/cmi.interaction";

/// Percent-encodes everything but RFC 3986 unreserved characters, so any
/// scenario or node id makes a valid IRI path segment.
std::string iri_segment(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

std::string trim_slash(std::string s) {
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
}

struct Iris {
    std::string base;
    std::string extension(std::string_view name) const { return base + "/extensions/" + std::string(name); }
    std::string scenario(const std::string& id) const { return base + "/scenarios/" + iri_segment(id); }
    std::string node(const std::string& scenario_id, const std::string& node_id) const {
        return scenario(scenario_id) + "/nodes/" + iri_segment(node_id);
    }
};

json verb(std::string_view name) {
    return {{"id", std::string(adl_verbs) + std::string(name)}, {"display", {{"en-US", std::string(name)}}}};
}

json actor(const AttemptSummary& a, const XapiOptions& o) {
    return {{"objectType", "Agent"}, {"name", a.trainee}, {"account", {{"homePage", o.account_homepage}, {"name", a.trainee}}}};
}

json scenario_activity(const AttemptSummary& a, const XapiOptions& o, const Iris& iris) {
    return {{"objectType", "Activity"},
            {"id", iris.scenario(a.scenario_id)},
            {"definition", {{"type", simulation_type}, {"name", {{o.language, a.scenario_title}}}}}};
}

json context(const AttemptSummary& a, const XapiOptions& o, const Iris& iris) {
    json ctx = {{"registration", a.registration},
            {"platform", "Frontline"},
            {"language", o.language},
            {"extensions",
             {{iris.extension("mode"), std::string(mode_id(a.mode))},
              {iris.extension("front-end"), a.front_end},
              {iris.extension("content-hash"), a.content_hash}}}};
    // The shuffled order can be reproduced from its seed (absent: the author's order).
    if (a.shuffle_seed) ctx["extensions"][iris.extension("shuffle-seed")] = *a.shuffle_seed;
    return ctx;
}

/// Both needs in percent mapped to one number, as xAPI wants: their mean, 0..1.
double scaled_score(const StoredScore& s) {
    const double mean = (s.technical_percent + s.personal_percent) / 200.0;
    return std::round(std::clamp(mean, 0.0, 1.0) * 10000.0) / 10000.0;
}

json need(int raw, int64_t best, int64_t full, double percent, int pass, bool met) {
    return {{"raw", raw}, {"best", best}, {"full", full}, {"percent", std::round(percent * 100.0) / 100.0}, {"passMark", pass}, {"met", met}};
}

json score_result(const AttemptSummary& a, const Iris& iris, double seconds) {
    const StoredScore& s = *a.score;
    return {{"completion", true},
            {"duration", iso8601_duration(seconds)},
            {"score", {{"scaled", scaled_score(s)}}},
            {"extensions",
             {{iris.extension("technical-need"),
               need(s.technical, s.best_technical, s.full_technical, s.technical_percent, s.technical_pass, s.technical_met)},
              {iris.extension("personal-need"),
               need(s.personal, s.best_personal, s.full_personal, s.personal_percent, s.personal_pass, s.personal_met)},
              {iris.extension("quadrant"), std::string(quadrant_id(s.quadrant))},
              {iris.extension("ending"), s.ending},
              {iris.extension("outcome"), std::string(outcome_name(s.outcome))},
              {iris.extension("mood"), s.mood}}}};
}

json answered(const AttemptSummary& a, const ChoiceRecord& c, const XapiOptions& o, const Iris& iris) {
    json ctx = context(a, o, iris);
    ctx["contextActivities"] = {{"parent", json::array({{{"objectType", "Activity"}, {"id", iris.scenario(a.scenario_id)}}})}};
    ctx["extensions"][iris.extension("turn")] = c.turn + 1;
    const std::string response = "choice-" + std::to_string(c.choice_index + 1);
    json definition = {{"type", interaction_type},
                       {"name", {{o.language, a.scenario_title + ": " + c.node}}},
                       {"interactionType", "choice"}};
    // No `choices` list: the store keeps the choice made, not every option offered, and
    // a partial list would overwrite the LRS's canonical definition of the interaction.
    return {{"id", c.statement_id},
            {"actor", actor(a, o)},
            {"verb", verb("answered")},
            {"object", {{"objectType", "Activity"}, {"id", iris.node(a.scenario_id, c.node)}, {"definition", definition}}},
            {"result",
             {{"response", response},
              {"duration", iso8601_duration(c.seconds)},
              {"extensions",
               {{iris.extension("said"), c.say},
                {iris.extension("deltas"),
                 {{"technical", c.technical}, {"personal", c.personal}, {"mood", c.mood}, {"moodAfter", c.mood_after}}},
                {iris.extension("skills"), c.skills},
                {iris.extension("presented-at"), c.presented}}}}},
            {"context", ctx},
            {"timestamp", c.made_at}};
}

}  // namespace

std::string iso8601_duration(double seconds) {
    // Hundredths of a second: the precision SCORM and most LRSs keep.
    int64_t hundredths = std::llround(std::max(0.0, seconds) * 100.0);
    const int64_t hours = hundredths / 360000;
    hundredths %= 360000;
    const int64_t minutes = hundredths / 6000;
    hundredths %= 6000;
    std::string out = "PT";
    if (hours) out += std::to_string(hours) + "H";
    if (minutes) out += std::to_string(minutes) + "M";
    if (hundredths || (!hours && !minutes)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(hundredths / 100),
                      static_cast<long long>(hundredths % 100));
        std::string secs = buf;
        while (secs.back() == '0') secs.pop_back();
        if (secs.back() == '.') secs.pop_back();
        out += secs + "S";
    }
    return out;
}

std::vector<XapiStatement> xapi_statements(const AttemptDetail& d, const XapiOptions& o) {
    const AttemptSummary& a = d.summary;
    const Iris iris{trim_slash(o.iri_base)};
    std::vector<XapiStatement> out;
    const auto add = [&](const json& statement) { out.push_back({statement["id"].get<std::string>(), statement.dump()}); };

    add({{"id", d.attempted_statement_id},
         {"actor", actor(a, o)},
         {"verb", verb("attempted")},
         {"object", scenario_activity(a, o, iris)},
         {"context", context(a, o, iris)},
         {"timestamp", a.started_at}});
    for (const ChoiceRecord& c : d.choices) add(answered(a, c, o, iris));
    if (!a.finished()) return out;

    double seconds = 0;
    if (auto start = detail::parse_iso8601_utc(a.started_at), end = detail::parse_iso8601_utc(a.finished_at); start && end)
        seconds = std::chrono::duration<double>(*end - *start).count();
    const json result = score_result(a, iris, seconds);
    add({{"id", d.completed_statement_id},
         {"actor", actor(a, o)},
         {"verb", verb("completed")},
         {"object", scenario_activity(a, o, iris)},
         {"result", result},
         {"context", context(a, o, iris)},
         {"timestamp", a.finished_at}});
    // Passed means best in class: both needs met, which is what the game teaches.
    const bool passed = a.score->technical_met && a.score->personal_met;
    json verdict_result = result;
    verdict_result["success"] = passed;
    add({{"id", d.verdict_statement_id},
         {"actor", actor(a, o)},
         {"verb", verb(passed ? "passed" : "failed")},
         {"object", scenario_activity(a, o, iris)},
         {"result", verdict_result},
         {"context", context(a, o, iris)},
         {"timestamp", a.finished_at}});
    return out;
}

}  // namespace frontline::results
