// The deterministic call runner. It works on a checked Scenario (see check.hpp)
// and never touches files, clocks or the UI: the front-end passes time in.
// The state is a small value, so analysis, replay and tests can copy and compare it.
#pragma once

#include "frontline/choice_order.hpp"
#include "frontline/scenario.hpp"

#include <span>
#include <string>
#include <vector>

namespace frontline {

/// Everything that decides what happens next in a call.
struct CallState {
    int node = -1;    ///< current node, or -1 once ended
    int ending = -1;  ///< set when the call has ended
    std::vector<Value> vars;
    int mood = 50;
    int technical = 0;
    int personal = 0;
    int turn = 0;  ///< choices made so far
    bool walked_out = false;
    bool ended() const { return ending >= 0; }
    friend bool operator==(const CallState&, const CallState&) = default;
};

CallState initial_state(const Scenario& s);
Environment environment_of(const CallState& state);

/// Indices into the current node's choices whose `if` holds, in file order.
std::vector<int> visible_choices(const Scenario& s, const CallState& state);

/// The customer's line at the current node (first variant whose condition holds).
const CustomerLine* customer_line(const Scenario& s, const CallState& state);

/// Applies one choice: deltas, clamp, `set` in order, turn, then `next` or walkout.
/// `choice` must be one of visible_choices(); anything else is a programming error.
CallState apply_choice(const Scenario& s, const CallState& state, int choice);

/// One line of a call's record, in the order things happened.
struct TranscriptEntry {
    enum class Kind : uint8_t { customer, choice, dead_air, walkout, ending };
    Kind kind = Kind::customer;
    int turn = 0;
    int node = -1;       ///< node where it happened (-1 for the ending line)
    int choice = -1;     ///< index into the node's choices (choice entries)
    int shown = 0;       ///< 1-based position among the choices visible then, in the author's order (what `--choices` takes)
    int presented = 0;   ///< 1-based position on screen, after any shuffle
    int ending = -1;     ///< ending entries
    std::string text;    ///< customer line, the trainee's words, or the ending's text
    std::string feedback;
    int technical = 0;   ///< deltas caused by this entry
    int personal = 0;
    int mood = 0;
    int mood_after = 0;  ///< mood once this entry applied
    int technical_total = 0;
    int personal_total = 0;
    double seconds = 0;  ///< time the trainee took (choice) or dead air length
};

/// A call in progress: state plus its transcript. Copyable, so "retry from turn N"
/// is a replay of the first N choices.
class Runner {
public:
    explicit Runner(const Scenario& scenario, ChoiceOrder order = ChoiceOrder::authored());
    /// A call that starts from `start` instead of the scenario's start (an author's
    /// playtest from any node with chosen variables and mood). `start` must be at a
    /// node of `scenario`, not ended, with one value per scenario variable.
    Runner(const Scenario& scenario, CallState start, ChoiceOrder order = ChoiceOrder::authored());

    const Scenario& scenario() const { return *scenario_; }
    const CallState& state() const { return state_; }
    bool finished() const { return state_.ended(); }
    const Node* node() const;
    const Ending* ending() const;
    std::vector<int> choices() const { return visible_choices(*scenario_, state_); }
    /// The visible choices in the order they are shown (see choice_order.hpp).
    std::vector<int> presented() const { return presented_choices(*scenario_, state_, order_); }
    const ChoiceOrder& order() const { return order_; }

    /// Makes a choice by index into node()->choices. Returns false (and changes
    /// nothing) if the call has ended or the choice is not currently visible.
    bool choose(int choice, double seconds_taken = 0);
    /// Makes the n-th visible choice (1-based, as the trainee sees them numbered).
    bool choose_visible(int number, double seconds_taken = 0);
    /// Makes the n-th choice as presented on screen (1-based, after any shuffle).
    bool choose_presented(int number, double seconds_taken = 0);

    /// Dead air: the trainee has been silent `seconds` more at this node. With
    /// patience set, silence past the grace period drains mood (and may walk out).
    void wait(double seconds);
    /// Seconds of silence so far at the current node.
    double silence() const { return silence_; }

    const std::vector<TranscriptEntry>& transcript() const { return transcript_; }
    /// The latest choice entry of the transcript (the one a choice just added), or null
    /// before the first choice.
    const TranscriptEntry* last_choice() const;
    /// The choices made so far, as node choice indices (what replay() takes).
    const std::vector<int>& path() const { return path_; }
    /// The call state just before choice `turn` (0-based) was made: what the trainee
    /// saw then, dead air included. `turn` must be < path().size().
    const CallState& state_before(size_t turn) const { return checkpoints_[turn].state; }

    /// Goes back to just before choice `turn` (0-based), exactly as the call was then:
    /// state, transcript, the silence already charged. Later choices are forgotten;
    /// the choices from here on are shown in `order`. False if `turn` is past the path.
    bool rewind(size_t turn, ChoiceOrder order);

private:
    void enter_current();
    void record_ending();

    /// Everything needed to stand again just before a choice (see rewind).
    struct Checkpoint {
        CallState state;
        size_t transcript_size = 0;
        double silence = 0;
        int dead_air_mood_lost = 0;
    };

    const Scenario* scenario_;
    CallState state_;
    ChoiceOrder order_;
    std::vector<Checkpoint> checkpoints_;  ///< one per choice in path_
    std::vector<TranscriptEntry> transcript_;
    std::vector<int> path_;
    double silence_ = 0;
    int dead_air_mood_lost_ = 0;  ///< at the current node, so drain is applied once per whole point
};

/// Replays choices (node choice indices) from the start; stops at the first one
/// that is not available, returning how many were applied in `applied`.
Runner replay(const Scenario& s, std::span<const int> path, size_t* applied = nullptr,
              ChoiceOrder order = ChoiceOrder::authored());

std::string_view entry_kind_name(TranscriptEntry::Kind k);

}  // namespace frontline
