// A class vote from the room's phones, as plain state: the room code, the
// phones that joined (by token), the turn on the projector, each phone's vote,
// lock and reveal, the count. No sockets and no threads: the HTTP server holds
// one VoteRoom behind a mutex, and the tests drive it directly with their own
// clock (`now`, seconds on any steady clock).
//
// Sections: limits and views / the room.
#pragma once

#include "frontline/vote_tally.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::phones {

/// What one phone may do, and how many may join. The defaults hold a large
/// lecture room; a flood beyond them is refused, never queued.
struct RoomLimits {
    size_t max_phones = 300;
    size_t max_nickname_bytes = 24;  ///< longer nicknames are cut at a character boundary
    size_t max_options = 9;          ///< options a turn may offer (keys 1-9 on the projector)
    double requests_per_second = 5;  ///< per phone, sustained (a token bucket)
    double request_burst = 20;       ///< per phone, at once
    double joins_per_second = 30;    ///< the whole room, sustained; wrong codes count too
    double join_burst = 100;         ///< the whole room, at once (a class arriving together)
};

/// Why the room said no. `none` is yes.
enum class Refusal : uint8_t {
    none,
    wrong_code,     ///< join with a code that is not the room's
    unknown_phone,  ///< a token this room never issued (the game restarted: join again)
    removed,        ///< the facilitator removed this phone (it must not join again by itself)
    room_full,      ///< max_phones reached
    too_fast,       ///< the phone's (or the room's joins') rate limit
    no_vote_open,   ///< no turn, or the vote is locked or revealed
    wrong_turn,     ///< a vote for a turn that is no longer on screen
    bad_option,     ///< not one of the turn's options
    no_team,        ///< teams take turns and this phone has not picked its team
    wrong_team,     ///< teams take turns and it is another team's turn
    bad_team,       ///< not one of the room's teams
};
std::string_view refusal_text(Refusal r);  ///< a short sentence a phone can show

enum class VoteState : uint8_t {
    waiting,   ///< no decision on screen (between calls, before the first)
    open,      ///< phones vote and may change their vote
    locked,    ///< votes kept, no more changes
    revealed,  ///< the split is shown to everyone
};
std::string_view state_id(VoteState s);  ///< "waiting", "open", "locked", "revealed"

/// One decision as every phone shows it: the customer's line and the options
/// in the room's order (the projector's shuffled order).
struct PhoneTurn {
    std::string title;  ///< the call's title
    std::string line;   ///< what the customer says
    std::vector<std::string> options;
};

/// What one phone sees now. The split only once it is revealed.
struct PhoneView {
    uint64_t version = 0;  ///< changes when the turn or its state changes (long polls wait for it)
    VoteState state = VoteState::waiting;
    uint64_t turn_id = 0;                ///< 0 = no turn yet
    const PhoneTurn* turn = nullptr;     ///< valid until the room changes
    int my_vote = 0;                     ///< 1-based, 0 = none yet
    std::vector<int> split;              ///< per option, revealed only
    std::optional<VoteOutcome> outcome;  ///< revealed only
    int my_team = -1;                    ///< 0-based; -1 = none picked (or the room has no teams)
    int turn_team = -1;                  ///< whose turn it is (hot seat); -1 = everyone votes
};

struct Joined {
    Refusal refusal = Refusal::none;
    std::string token;  ///< what the phone sends with every request from now on
    int phone = 0;      ///< the room's number for it (1, 2, ...), for "remove"
};

/// A joined phone, as the facilitator may see it. The nickname is empty unless
/// the room shows nicknames.
struct PhoneEntry {
    int phone = 0;
    std::string nickname;
    bool voted = false;  ///< on the current turn
    int team = -1;       ///< 0-based; -1 = none picked
};

/// The room code's characters: capitals and digits that cannot be mistaken for
/// one another on a projector (no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 6/G, 8/B, U/V).
inline constexpr std::string_view room_code_alphabet = "ACEFHJKMNPRTWXY3479";
inline constexpr size_t room_code_length = 5;

/// A nickname made safe to keep: valid UTF-8 only (bad bytes dropped), no
/// control characters, trimmed, cut to `max_bytes` at a character boundary.
std::string clean_nickname(std::string_view raw, size_t max_bytes);

class VoteRoom {
public:
    /// `seed` draws room codes (tests pass one for repeatable codes); tokens
    /// always come from the system's random device.
    explicit VoteRoom(RoomLimits limits = {}, std::optional<uint64_t> seed = std::nullopt);

    const RoomLimits& limits() const { return limits_; }
    const std::string& code() const { return code_; }
    /// A fresh code for new joins; phones already in keep their tokens (remove
    /// any that should not be there).
    void new_code();

    /// A phone joins with the room code (case and spaces ignored) and an
    /// optional nickname. Rate-limited for the whole room, wrong codes included.
    Joined join(std::string_view code, std::string_view nickname, double now);
    /// The phone's token is known and within its rate (every request checks this).
    Refusal admit(std::string_view token, double now);
    /// What the phone sees (call after admit).
    std::optional<PhoneView> view(std::string_view token) const;
    /// A vote (1-based `option`) for turn `turn_id`; a second vote replaces the first
    /// until the vote is locked.
    Refusal vote(std::string_view token, uint64_t turn_id, int option, double now);
    /// The phone picks its team (0-based; changeable). A phone that changes team
    /// loses its vote on the current turn.
    Refusal pick_team(std::string_view token, int team, double now);

    /// Teams that take turns (hot seat), in the workshop's order; empty = the whole
    /// room votes together (class vote). Phones keep their team when this is set again
    /// with the same number of teams; otherwise each picks again.
    void set_teams(std::vector<std::string> names);
    const std::vector<std::string>& teams() const { return teams_; }

    // The facilitator.
    /// A new decision on screen: votes cleared, the vote open. Returns its turn id.
    /// `team` (0-based) when teams take turns: only that team's phones vote on it.
    uint64_t open(PhoneTurn turn, int team = -1);
    void lock();    ///< no more changes (open -> locked)
    void unlock();  ///< changes allowed again (locked -> open)
    void reveal();  ///< everyone sees the split (locks too)
    void wait();    ///< nothing on screen (between calls)
    /// Removes a phone: its token stops working and its vote is taken out.
    bool remove(int phone);
    bool show_nicknames = false;

    VoteState state() const { return state_; }
    uint64_t turn_id() const { return turn_id_; }
    const PhoneTurn& turn() const { return turn_; }
    int turn_team() const { return turn_team_; }  ///< -1 = everyone votes
    /// Votes per option in the turn's order (only the voting team's phones count).
    std::vector<int> counts() const;
    int voters() const;  ///< phones that voted on this turn
    /// The majority with the workshop's tie rule (nullopt if nobody voted).
    std::optional<VoteOutcome> outcome() const { return tally(counts()); }
    size_t phones() const { return by_token_.size(); }
    /// Joined phones per team in the room's order, then those that have not picked
    /// one (teams().size() + 1 numbers). Counts only: never who.
    std::vector<size_t> phones_per_team() const;
    std::vector<PhoneEntry> roster() const;
    /// Changes with every turn, state change and removal (what long polls wait for).
    uint64_t version() const { return version_; }
    /// Changes with every counted vote too (what the projector's count watches).
    uint64_t count_version() const { return count_version_; }

private:
    struct Bucket {
        double tokens = 0;
        double at = 0;
        bool take(double now, double rate, double burst);
    };
    struct Phone {
        int number = 0;
        std::string nickname;
        int vote = 0;  ///< 1-based on turn_id_, 0 none
        int team = -1;
        Bucket bucket;
    };
    Phone* find(std::string_view token);
    const Phone* find(std::string_view token) const;
    void changed() {
        ++version_;
        ++count_version_;
    }

    RoomLimits limits_;
    std::mt19937_64 code_rng_;
    std::string code_;
    std::map<std::string, Phone, std::less<>> by_token_;
    std::set<std::string, std::less<>> removed_;  ///< tokens of removed phones (so they are told why)
    int next_phone_ = 1;
    Bucket joins_;
    bool joins_started_ = false;
    VoteState state_ = VoteState::waiting;
    uint64_t turn_id_ = 0;
    PhoneTurn turn_;
    int turn_team_ = -1;
    std::vector<std::string> teams_;
    uint64_t version_ = 1;
    uint64_t count_version_ = 1;
};

}  // namespace frontline::phones
