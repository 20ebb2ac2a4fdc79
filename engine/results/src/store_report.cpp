// ResultsStore::report_rows: the unaggregated rows behind a report, read in three
// queries whatever the number of attempts (the aggregation is report.cpp's).
#include "frontline/results/report.hpp"
#include "frontline/results/store.hpp"

#include "store_impl.hpp"

#include <unordered_set>

namespace frontline::results {

using detail::Statement;

namespace {

/// Splits SQLite's group_concat on the unit separator the query joins with.
std::vector<std::string> split_units(const std::string& joined) {
    std::vector<std::string> out;
    if (joined.empty()) return out;
    size_t from = 0;
    for (size_t at; (at = joined.find('\x1f', from)) != std::string::npos; from = at + 1) out.push_back(joined.substr(from, at - from));
    out.push_back(joined.substr(from));
    return out;
}

}  // namespace

Result<ReportRows> ResultsStore::report_rows(const ReportFilter& filter) const {
    ReportRows rows;
    AttemptFilter f;
    if (!filter.trainee.empty()) {
        // Names compare case-insensitively: report under the name as it is kept.
        auto known = detail::guarded<std::string>(*impl_, "finding the trainee", [&]() -> Result<std::string> {
            Statement q(impl_->db, "SELECT name FROM trainees WHERE name = ?1");
            q.bind(1, filter.trainee);
            if (!q.step()) return detail::invalid_argument("There is no trainee named \"" + filter.trainee + "\" in " + impl_->path.string() + ".");
            return q.text(0);
        });
        if (!known) return known.error();
        f.trainee = *known;
        rows.trainee = *known;
    }
    if (filter.workshop) {
        auto w = workshop(*filter.workshop);
        if (!w) {
            if (w.error().kind == StoreError::Kind::invalid)
                return detail::invalid_argument("There is no workshop " + std::to_string(*filter.workshop) + " in " + impl_->path.string() + ".");
            return w.error();
        }
        rows.workshop = std::move(*w);
    }
    // A workshop's report is the room's decisions; practice calls are not tied to it.
    if (filter.workshop) return rows;
    f.scenario_id = filter.scenario_id;
    auto found = attempts(f);
    if (!found) return found.error();
    std::unordered_set<AttemptId> kept;
    for (AttemptSummary& a : *found) {
        if (!filter.content_hash.empty() && a.content_hash != filter.content_hash) continue;
        // ISO 8601 text sorts as time: "2025-03-01T..." >= "2025-03-01".
        if (!filter.since.empty() && a.started_at < filter.since) continue;
        if (!filter.exclude_trainee.empty() && a.trainee == filter.exclude_trainee) continue;
        kept.insert(a.id);
        rows.attempts.push_back(std::move(a));
    }
    auto choices = detail::guarded<std::vector<ChoiceRow>>(*impl_, "reading choices", [&] {
        Statement q(impl_->db,
                    "SELECT c.attempt_id, c.turn, c.node, c.choice_index, c.say, c.technical, c.personal, c.mood,"
                    " (SELECT group_concat(skill, char(31)) FROM choice_skills s WHERE s.attempt_id = c.attempt_id AND s.turn = c.turn)"
                    " FROM choices c JOIN attempts a ON a.id = c.attempt_id JOIN trainees t ON t.id = a.trainee_id"
                    " WHERE (?1 = '' OR t.name = ?1) AND (?2 = '' OR a.scenario_id = ?2)"
                    " ORDER BY a.started_at, a.id, c.turn");
        q.bind(1, f.trainee).bind(2, f.scenario_id);
        std::vector<ChoiceRow> out;
        while (q.step()) {
            const AttemptId id = q.int64(0);
            if (!kept.contains(id)) continue;
            ChoiceRow c;
            c.attempt = id;
            c.turn = q.integer(1);
            c.node = q.text(2);
            c.choice_index = q.integer(3);
            c.say = q.text(4);
            c.technical = q.integer(5);
            c.personal = q.integer(6);
            c.mood = q.integer(7);
            c.skills = split_units(q.text(8));
            out.push_back(std::move(c));
        }
        return out;
    });
    if (!choices) return choices.error();
    rows.choices = std::move(*choices);
    return rows;
}

}  // namespace frontline::results
