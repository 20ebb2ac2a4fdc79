#include "frontline/results/call_recorder.hpp"

namespace frontline::results {

template <class Write>
Status CallRecorder::write(Write&& w) {
    if (!attempt_) return Done{};
    Status saved = w(*attempt_);
    if (!saved) attempt_.reset();
    return saved;
}

Status CallRecorder::start(ResultsStore& store, std::string_view trainee, AttemptMode mode, std::string_view front_end,
                           const Runner& call) {
    attempt_.reset();
    Result<AttemptId> id = store.start_attempt(trainee, call.scenario(), mode, front_end, call.order());
    if (!id) return id.error();
    attempt_ = *id;
    for (const TranscriptEntry& e : call.transcript()) {
        if (e.kind != TranscriptEntry::Kind::choice) continue;
        if (Status saved = write([&](AttemptId a) { return store.record_choice(a, call.scenario(), e); }); !saved)
            return saved;
    }
    return Done{};
}

Status CallRecorder::choice(ResultsStore& store, const Runner& call) {
    const TranscriptEntry* latest = call.last_choice();
    if (!latest) return Done{};
    return write([&](AttemptId a) { return store.record_choice(a, call.scenario(), *latest); });
}

Status CallRecorder::finish(ResultsStore& store, const Runner& call, const AttemptScore& score) {
    Status saved = write([&](AttemptId a) { return store.finish_attempt(a, call.scenario(), score); });
    attempt_.reset();
    return saved;
}

}  // namespace frontline::results
