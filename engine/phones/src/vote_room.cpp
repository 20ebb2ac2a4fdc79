#include "frontline/phones/vote_room.hpp"

#include <algorithm>
#include <cctype>

namespace frontline::phones {

std::string_view refusal_text(Refusal r) {
    switch (r) {
        case Refusal::none: return "ok";
        case Refusal::wrong_code: return "That is not this room's code.";
        case Refusal::unknown_phone: return "This phone is not in the room (the room restarted). Join again.";
        case Refusal::removed: return "The facilitator removed this phone from the room.";
        case Refusal::room_full: return "The room is full.";
        case Refusal::too_fast: return "Too many requests at once; wait a moment.";
        case Refusal::no_vote_open: return "The vote is not open.";
        case Refusal::wrong_turn: return "That decision is over; here is the current one.";
        case Refusal::bad_option: return "There is no such option.";
        case Refusal::no_team: return "Pick your team first.";
        case Refusal::wrong_team: return "It is another team's turn: your team votes on its own turn.";
        case Refusal::bad_team: return "There is no such team.";
    }
    return "refused";
}

std::string_view state_id(VoteState s) {
    switch (s) {
        case VoteState::waiting: return "waiting";
        case VoteState::open: return "open";
        case VoteState::locked: return "locked";
        case VoteState::revealed: return "revealed";
    }
    return "waiting";
}

std::string clean_nickname(std::string_view raw, size_t max_bytes) {
    std::string out;
    size_t i = 0;
    while (i < raw.size()) {
        auto b = static_cast<unsigned char>(raw[i]);
        size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > raw.size()) {
            ++i;  // a stray or truncated byte: dropped
            continue;
        }
        bool ok = true;
        for (size_t k = 1; k < len; ++k) ok = ok && (static_cast<unsigned char>(raw[i + k]) >> 6) == 0x2;
        if (!ok) {
            ++i;
            continue;
        }
        // Control characters (C0, DEL, C1) would break a line on the projector.
        bool control = (len == 1 && (b < 0x20 || b == 0x7F)) ||
                       (len == 2 && b == 0xC2 && static_cast<unsigned char>(raw[i + 1]) < 0xA0);
        if (!control) {
            if (out.size() + len > max_bytes) break;
            out.append(raw.substr(i, len));
        }
        i += len;
    }
    auto space = [](char c) { return c == ' '; };
    while (!out.empty() && space(out.back())) out.pop_back();
    size_t lead = 0;
    while (lead < out.size() && space(out[lead])) ++lead;
    return out.substr(lead);
}

bool VoteRoom::Bucket::take(double now, double rate, double burst) {
    tokens = std::min(burst, tokens + std::max(0.0, now - at) * rate);
    at = std::max(at, now);
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
}

VoteRoom::VoteRoom(RoomLimits limits, std::optional<uint64_t> seed)
    : limits_(limits), code_rng_(seed ? *seed : std::random_device{}()) {
    new_code();
}

void VoteRoom::new_code() {
    std::string code;
    do {
        code.clear();
        std::uniform_int_distribution<size_t> pick(0, room_code_alphabet.size() - 1);
        for (size_t i = 0; i < room_code_length; ++i) code += room_code_alphabet[pick(code_rng_)];
    } while (code == code_);
    code_ = code;
}

namespace {
std::string normalise_code(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string new_token() {
    std::random_device rd;
    static constexpr char hex[] = "0123456789abcdef";
    std::string t;
    for (int i = 0; i < 4; ++i) {  // 4 x 32 bits = 128 random bits
        uint32_t v = rd();
        for (int k = 0; k < 4; ++k) {
            t += hex[(v >> 4) & 0xF];
            t += hex[v & 0xF];
            v >>= 8;
        }
    }
    return t;
}
}  // namespace

Joined VoteRoom::join(std::string_view code, std::string_view nickname, double now) {
    if (!joins_started_) {
        joins_ = {limits_.join_burst, now};
        joins_started_ = true;
    }
    if (!joins_.take(now, limits_.joins_per_second, limits_.join_burst)) return {Refusal::too_fast, {}, 0};
    if (normalise_code(code) != code_) return {Refusal::wrong_code, {}, 0};
    if (by_token_.size() >= limits_.max_phones) return {Refusal::room_full, {}, 0};
    std::string token = new_token();
    Phone p;
    p.number = next_phone_++;
    p.nickname = clean_nickname(nickname, limits_.max_nickname_bytes);
    p.bucket = {limits_.request_burst, now};
    int number = p.number;
    by_token_.emplace(token, std::move(p));
    ++count_version_;  // the projector shows how many joined
    return {Refusal::none, std::move(token), number};
}

VoteRoom::Phone* VoteRoom::find(std::string_view token) {
    auto it = by_token_.find(token);
    return it == by_token_.end() ? nullptr : &it->second;
}

const VoteRoom::Phone* VoteRoom::find(std::string_view token) const {
    auto it = by_token_.find(token);
    return it == by_token_.end() ? nullptr : &it->second;
}

Refusal VoteRoom::admit(std::string_view token, double now) {
    Phone* p = find(token);
    if (!p) return removed_.count(token) ? Refusal::removed : Refusal::unknown_phone;
    if (!p->bucket.take(now, limits_.requests_per_second, limits_.request_burst)) return Refusal::too_fast;
    return Refusal::none;
}

std::optional<PhoneView> VoteRoom::view(std::string_view token) const {
    const Phone* p = find(token);
    if (!p) return std::nullopt;
    PhoneView v;
    v.version = version_;
    v.state = state_;
    v.turn_id = turn_id_;
    if (turn_id_ != 0 && state_ != VoteState::waiting) v.turn = &turn_;
    v.my_vote = p->vote;
    v.my_team = p->team;
    v.turn_team = turn_team_;
    if (state_ == VoteState::revealed) {
        v.split = counts();
        v.outcome = outcome();
    }
    return v;
}

Refusal VoteRoom::vote(std::string_view token, uint64_t turn_id, int option, double now) {
    if (Refusal r = admit(token, now); r != Refusal::none) return r;
    if (state_ == VoteState::waiting) return Refusal::no_vote_open;
    if (turn_id != turn_id_) return Refusal::wrong_turn;
    if (state_ != VoteState::open) return Refusal::no_vote_open;
    if (option < 1 || option > static_cast<int>(turn_.options.size())) return Refusal::bad_option;
    Phone* p = find(token);
    if (turn_team_ >= 0) {  // teams take turns: only the team on the seat votes
        if (p->team < 0) return Refusal::no_team;
        if (p->team != turn_team_) return Refusal::wrong_team;
    }
    if (p->vote != option) {
        p->vote = option;
        ++count_version_;
    }
    return Refusal::none;
}

Refusal VoteRoom::pick_team(std::string_view token, int team, double now) {
    if (Refusal r = admit(token, now); r != Refusal::none) return r;
    if (team < 0 || team >= static_cast<int>(teams_.size())) return Refusal::bad_team;
    Phone* p = find(token);
    if (p->team != team) {
        p->team = team;
        p->vote = 0;  // a vote belongs to the team it was cast for
        changed();    // the phone's own view changes (its long poll answers)
    }
    return Refusal::none;
}

void VoteRoom::set_teams(std::vector<std::string> names) {
    const bool same_count = names.size() == teams_.size();
    teams_ = std::move(names);
    if (!same_count)
        for (auto& [token, p] : by_token_) p.team = -1;
    if (turn_team_ >= static_cast<int>(teams_.size())) turn_team_ = -1;
    changed();
}

std::vector<size_t> VoteRoom::phones_per_team() const {
    std::vector<size_t> out(teams_.size() + 1, 0);
    for (const auto& [token, p] : by_token_)
        ++out[p.team >= 0 && p.team < static_cast<int>(teams_.size()) ? static_cast<size_t>(p.team) : teams_.size()];
    return out;
}

uint64_t VoteRoom::open(PhoneTurn turn, int team) {
    if (turn.options.size() > limits_.max_options) turn.options.resize(limits_.max_options);
    turn_ = std::move(turn);
    turn_team_ = team >= 0 && team < static_cast<int>(teams_.size()) ? team : -1;
    ++turn_id_;
    for (auto& [token, p] : by_token_) p.vote = 0;
    state_ = VoteState::open;
    changed();
    return turn_id_;
}

void VoteRoom::lock() {
    if (state_ != VoteState::open) return;
    state_ = VoteState::locked;
    changed();
}

void VoteRoom::unlock() {
    if (state_ != VoteState::locked) return;
    state_ = VoteState::open;
    changed();
}

void VoteRoom::reveal() {
    if (state_ != VoteState::open && state_ != VoteState::locked) return;
    state_ = VoteState::revealed;
    changed();
}

void VoteRoom::wait() {
    if (state_ == VoteState::waiting) return;
    state_ = VoteState::waiting;
    changed();
}

bool VoteRoom::remove(int phone) {
    for (auto it = by_token_.begin(); it != by_token_.end(); ++it) {
        if (it->second.number == phone) {
            if (removed_.size() < 10 * limits_.max_phones) removed_.insert(it->first);
            by_token_.erase(it);
            changed();
            return true;
        }
    }
    return false;
}

std::vector<int> VoteRoom::counts() const {
    std::vector<int> c(turn_.options.size(), 0);
    if (turn_id_ == 0) return c;
    for (const auto& [token, p] : by_token_)
        if (p.vote >= 1 && p.vote <= static_cast<int>(c.size()) && (turn_team_ < 0 || p.team == turn_team_))
            ++c[static_cast<size_t>(p.vote - 1)];
    return c;
}

int VoteRoom::voters() const {
    int n = 0;
    for (const auto& [token, p] : by_token_) n += p.vote > 0 && (turn_team_ < 0 || p.team == turn_team_) ? 1 : 0;
    return n;
}

std::vector<PhoneEntry> VoteRoom::roster() const {
    std::vector<PhoneEntry> out;
    for (const auto& [token, p] : by_token_)
        out.push_back({p.number, show_nicknames ? p.nickname : std::string{}, p.vote > 0, p.team});
    std::sort(out.begin(), out.end(), [](const PhoneEntry& a, const PhoneEntry& b) { return a.phone < b.phone; });
    return out;
}

}  // namespace frontline::phones
