#include "results_link.hpp"

#include <algorithm>

namespace frontline::game {

std::string result_key(const Scenario& s) { return s.id + "#" + s.content_hash; }

void open_results(ResultsLink& r, const std::filesystem::path& file) {
    auto opened = results::ResultsStore::open(file);
    if (!opened) {
        results_failed(r, opened.error());
        return;
    }
    r.store.emplace(std::move(*opened));
    r.off_reason.clear();
    refresh_results(r);
}

void results_failed(ResultsLink& r, const results::StoreError& error) {
    r.off_reason = error.message;
    r.store.reset();
    r.call.stop();
}

void select_trainee(ResultsLink& r, const std::string& name) {
    if (!r.on()) return;
    auto added = r.store->add_trainee(name);
    if (!added) {
        // A bad name (empty, too long) is the trainee's to fix, not a broken store.
        if (added.error().kind != results::StoreError::Kind::invalid) results_failed(r, added.error());
        return;
    }
    // The store trims and matches case-insensitively: show the name as it is kept.
    auto all = r.store->trainees();
    r.trainee = name;
    if (all)
        for (const results::TraineeSummary& t : *all) {
            std::string a = t.name, b = name;
            auto lower = [](std::string s) {
                for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
                return s;
            };
            b.erase(0, b.find_first_not_of(" \t"));
            b.erase(b.find_last_not_of(" \t") + 1);
            if (lower(a) == lower(b)) r.trainee = t.name;
        }
    r.call.stop();
    refresh_results(r);
}

void refresh_results(ResultsLink& r) {
    if (!r.on()) return;
    auto all = r.store->trainees();
    if (!all) return results_failed(r, all.error());
    std::vector<results::TraineeSummary> list = *all;
    // Most recent first; never played (empty) after anyone who has.
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return std::max(a.last_played_at, a.created_at) > std::max(b.last_played_at, b.created_at);
    });
    r.recent_trainees.clear();
    for (const auto& t : list) r.recent_trainees.push_back(t.name);
    auto workshops = r.store->unfinished_workshops();
    if (!workshops) return results_failed(r, workshops.error());
    r.unfinished_workshops = std::move(*workshops);
    r.unfinished.clear();
    r.best.clear();
    if (r.trainee.empty()) return;
    auto unfinished = r.store->unfinished_attempts(r.trainee);
    if (!unfinished) return results_failed(r, unfinished.error());
    r.unfinished = *unfinished;
    auto best = r.store->best_per_scenario(r.trainee);
    if (!best) return results_failed(r, best.error());
    for (const results::ScenarioBest& b : *best) {
        const results::StoredScore& sc = *b.best.score;
        r.best[b.scenario_id + "#" + b.best.content_hash] =
            BestResult{sc.technical_percent, sc.personal_percent, sc.quadrant, sc.outcome, b.attempts};
    }
}

void load_progress(ResultsLink& r) {
    r.progress = ProgressModel{};
    r.progress.trainee = r.trainee;
    if (!r.on() || r.trainee.empty()) return;
    results::AttemptFilter f;
    f.trainee = r.trainee;
    f.finished_only = true;
    auto attempts = r.store->attempts(f);
    if (!attempts) return results_failed(r, attempts.error());
    auto best = r.store->best_per_scenario(r.trainee);
    if (!best) return results_failed(r, best.error());
    auto quadrants = r.store->quadrant_counts(r.trainee);
    if (!quadrants) return results_failed(r, quadrants.error());
    auto skills = r.store->skill_profile(r.trainee);
    if (!skills) return results_failed(r, skills.error());
    r.progress.attempts = std::move(*attempts);
    r.progress.best = std::move(*best);
    r.progress.quadrants = std::move(*quadrants);
    r.progress.skills = std::move(*skills);
    // The trainee's own history: nothing to hide from them, so no group size.
    r.progress.gain = results::replay_gain(r.progress.attempts, 1);
}

std::optional<results::ScenarioInsight> answer_shares(ResultsLink& r, const Scenario& s, bool others_only) {
    if (!r.on()) return std::nullopt;
    results::ReportFilter f;
    f.scenario_id = s.id;
    f.content_hash = s.content_hash;  // another version's answers may be other answers
    if (others_only) f.exclude_trainee = r.trainee;
    auto rows = r.store->report_rows(f);
    if (!rows) {
        results_failed(r, rows.error());
        return std::nullopt;
    }
    return results::scenario_insight(*rows, s.id, &s);
}

void begin_attempt(ResultsLink& r, results::AttemptMode mode, const Runner& call) {
    r.call.stop();
    if (!r.on() || r.trainee.empty()) return;
    if (auto started = r.call.start(*r.store, r.trainee, mode, "game", call); !started)
        results_failed(r, started.error());
}

void record_latest_choice(ResultsLink& r, const Runner& call) {
    if (!r.recording()) return;
    if (auto saved = r.call.choice(*r.store, call); !saved) results_failed(r, saved.error());
}

void finish_attempt(ResultsLink& r, const Runner& call, const AttemptScore& score) {
    if (!r.recording()) return;
    if (auto saved = r.call.finish(*r.store, call, score); !saved) return results_failed(r, saved.error());
    refresh_results(r);
}

}  // namespace frontline::game
