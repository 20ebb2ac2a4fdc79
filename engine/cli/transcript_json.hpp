// JSON for `play --json` (and later exports): the transcript and the scores.
#pragma once

#include "frontline/scoring.hpp"

#include <nlohmann/json.hpp>

namespace frontline::cli {

nlohmann::json score_to_json(const Scenario& s, const AttemptScore& score);
nlohmann::json transcript_to_json(const Scenario& s, const Runner& run);
/// {scenario, content_hash, transcript, score, path}
nlohmann::json attempt_to_json(const Scenario& s, const Runner& run, const AttemptScore& score);

}  // namespace frontline::cli
