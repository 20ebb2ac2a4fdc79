// Recording one call into the results store as it is played, choice by choice: the
// one way the game and `frontline play` both record. Every choice is committed the
// moment it is made, so a call cut short keeps what was chosen and shows up as
// unfinished. A store failure stops recording and is returned to the caller, who
// says so its own way (a line on stderr, a notice on screen); the call goes on.
#pragma once

#include "frontline/results/store.hpp"

#include <optional>
#include <string_view>

namespace frontline::results {

class CallRecorder {
public:
    /// Starts recording `call` for `trainee`: a new attempt, with every choice the call
    /// already holds (a replayed or rewound prefix) recorded at once. `front_end` is
    /// "game" or "terminal". On failure nothing is being recorded.
    [[nodiscard]] Status start(ResultsStore& store, std::string_view trainee, AttemptMode mode,
                               std::string_view front_end, const Runner& call);
    /// Goes on recording a stored unfinished attempt (its choices are already saved).
    void resume(AttemptId attempt) { attempt_ = attempt; }
    /// Commits the call's latest choice. Nothing to do (and ok) when not recording.
    [[nodiscard]] Status choice(ResultsStore& store, const Runner& call);
    /// Records the ending and scores; the attempt is finished and recording stops.
    [[nodiscard]] Status finish(ResultsStore& store, const Runner& call, const AttemptScore& score);
    /// Stops recording, leaving the attempt unfinished in the store (to resume or discard).
    void stop() { attempt_.reset(); }

    bool recording() const { return attempt_.has_value(); }
    std::optional<AttemptId> attempt() const { return attempt_; }

private:
    /// Runs a store write while recording; a failure stops recording.
    template <class Write>
    Status write(Write&& w);

    std::optional<AttemptId> attempt_;
};

}  // namespace frontline::results
