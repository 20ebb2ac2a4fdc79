#include "transcript_json.hpp"

namespace frontline::cli {

nlohmann::json score_to_json(const Scenario& s, const AttemptScore& score) {
    nlohmann::json j;
    j["finished"] = score.finished;
    if (score.ending >= 0) {
        j["ending"] = s.ending(score.ending).id;
        j["outcome"] = outcome_name(score.outcome);
    }
    j["technical"] = {{"raw", score.technical}, {"best", score.best_technical}, {"full", score.full_technical},
                      {"percent", score.technical_percent},
                      {"pass", s.pass.technical}, {"met", score.technical_met}};
    j["personal"] = {{"raw", score.personal}, {"best", score.best_personal}, {"full", score.full_personal},
                     {"percent", score.personal_percent},
                     {"pass", s.pass.personal}, {"met", score.personal_met}};
    j["mood"] = score.mood;
    j["quadrant"] = quadrant_id(score.quadrant);
    j["skills"] = score.skills;
    return j;
}

nlohmann::json transcript_to_json(const Scenario& s, const Runner& run) {
    nlohmann::json out = nlohmann::json::array();
    for (const TranscriptEntry& e : run.transcript()) {
        nlohmann::json j;
        j["kind"] = entry_kind_name(e.kind);
        j["turn"] = e.turn;
        if (e.node >= 0) j["node"] = s.node(e.node).id;
        switch (e.kind) {
            case TranscriptEntry::Kind::customer: j["text"] = e.text; break;
            case TranscriptEntry::Kind::choice:
                j["choice"] = e.shown;
                j["presented"] = e.presented;  // where it was on screen, after the shuffle
                j["text"] = e.text;
                j["feedback"] = e.feedback;
                j["delta"] = {{"technical", e.technical}, {"personal", e.personal}, {"mood", e.mood}};
                j["seconds"] = e.seconds;
                break;
            case TranscriptEntry::Kind::dead_air:
                j["delta"] = {{"mood", e.mood}};
                j["seconds"] = e.seconds;
                break;
            case TranscriptEntry::Kind::walkout: break;
            case TranscriptEntry::Kind::ending:
                j["ending"] = s.ending(e.ending).id;
                j["text"] = e.text;
                break;
        }
        j["mood"] = e.mood_after;
        j["technical"] = e.technical_total;
        j["personal"] = e.personal_total;
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json attempt_to_json(const Scenario& s, const Runner& run, const AttemptScore& score) {
    nlohmann::json j;
    j["scenario"] = {{"id", s.id}, {"title", s.title}, {"file", s.file}, {"content_hash", s.content_hash}};
    // Positions among the visible choices, so `play --choices` can replay it.
    nlohmann::json path = nlohmann::json::array();
    for (const TranscriptEntry& e : run.transcript())
        if (e.kind == TranscriptEntry::Kind::choice) path.push_back(e.shown);
    j["choices"] = path;
    j["order"] = {{"shuffled", run.order().shuffle}};
    if (run.order().shuffle) j["order"]["seed"] = run.order().seed;
    j["transcript"] = transcript_to_json(s, run);
    j["score"] = score_to_json(s, score);
    return j;
}

}  // namespace frontline::cli
