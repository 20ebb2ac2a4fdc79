// ResultsStore reads: lists for the CLI, details for exports, and the progress
// screen's queries (best per scenario, skill profile, quadrant counts).
#include "frontline/results/store.hpp"

#include "store_impl.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace frontline::results {

using detail::Statement;

std::string_view mode_id(AttemptMode m) {
    switch (m) {
        case AttemptMode::practice: return "practice";
        case AttemptMode::assessment: return "assessment";
        case AttemptMode::workshop: return "workshop";
    }
    return "practice";
}

std::optional<AttemptMode> parse_mode(std::string_view s) {
    for (AttemptMode m : {AttemptMode::practice, AttemptMode::assessment, AttemptMode::workshop})
        if (mode_id(m) == s) return m;
    return std::nullopt;
}

namespace {

constexpr std::array<Quadrant, 4> all_quadrants = {Quadrant::best_in_class, Quadrant::fixed_it_lost_them,
                                                   Quadrant::kept_the_customer, Quadrant::mere_mortal};

Quadrant quadrant_from_id(const std::string& id) {
    for (Quadrant q : all_quadrants)
        if (quadrant_id(q) == id) return q;
    return Quadrant::mere_mortal;
}

}  // namespace

bool better_result(const StoredScore& a, const StoredScore& b) {
    // One ranking for the game, the CLI and the store: core's.
    return frontline::better_result(a.quadrant, a.technical_percent, a.personal_percent, b.quadrant,
                                    b.technical_percent, b.personal_percent);
}

std::vector<int> AttemptDetail::path() const {
    std::vector<int> out;
    out.reserve(choices.size());
    for (const ChoiceRecord& c : choices) out.push_back(c.choice_index);
    return out;
}

namespace {

// Columns 0..30 of every attempt query, read by read_attempt_row.
constexpr const char* attempt_columns =
    "SELECT a.id, a.registration, t.name, a.scenario_id, a.scenario_title, a.content_hash, a.mode, a.front_end,"
    " a.started_at, a.finished_at, (SELECT count(*) FROM choices c WHERE c.attempt_id = a.id),"
    " a.technical, a.personal, a.best_technical, a.best_personal, a.technical_percent, a.personal_percent,"
    " a.technical_pass, a.personal_pass, a.technical_met, a.personal_met, a.quadrant, a.mood, a.ending, a.outcome,"
    " a.attempted_statement_id, a.completed_statement_id, a.verdict_statement_id,"
    " a.shuffle_seed, a.full_technical, a.full_personal"
    " FROM attempts a JOIN trainees t ON t.id = a.trainee_id";

AttemptSummary read_attempt_row(const Statement& q) {
    AttemptSummary a;
    a.id = q.int64(0);
    a.registration = q.text(1);
    a.trainee = q.text(2);
    a.scenario_id = q.text(3);
    a.scenario_title = q.text(4);
    a.content_hash = q.text(5);
    a.mode = parse_mode(q.text(6)).value_or(AttemptMode::practice);
    a.front_end = q.text(7);
    a.started_at = q.text(8);
    a.finished_at = q.text(9);
    a.choices = q.integer(10);
    if (!q.is_null(28)) a.shuffle_seed = static_cast<uint64_t>(q.int64(28));
    if (!q.is_null(9)) {
        StoredScore s;
        s.technical = q.integer(11);
        s.personal = q.integer(12);
        s.best_technical = q.int64(13);
        s.best_personal = q.int64(14);
        // Rows from before full marks scored against the best achievable.
        s.full_technical = q.is_null(29) ? s.best_technical : q.int64(29);
        s.full_personal = q.is_null(30) ? s.best_personal : q.int64(30);
        s.technical_percent = q.real(15);
        s.personal_percent = q.real(16);
        s.technical_pass = q.integer(17);
        s.personal_pass = q.integer(18);
        s.technical_met = q.int64(19) != 0;
        s.personal_met = q.int64(20) != 0;
        s.quadrant = quadrant_from_id(q.text(21));
        s.mood = q.integer(22);
        s.ending = q.text(23);
        s.outcome = parse_outcome(q.text(24)).value_or(Outcome::neutral);
        a.score = s;
    }
    return a;
}

std::vector<AttemptSummary> query_attempts(const detail::Connection& db, const AttemptFilter& f, bool newest_first) {
    std::string sql = std::string(attempt_columns) +
                      " WHERE (?1 = '' OR t.name = ?1) AND (?2 = '' OR a.scenario_id = ?2)"
                      " AND (?3 = 0 OR a.finished_at IS NOT NULL) AND (?4 = 0 OR a.finished_at IS NULL)";
    sql += newest_first ? " ORDER BY a.started_at DESC, a.id DESC" : " ORDER BY a.started_at, a.id";
    Statement q(db, sql);
    q.bind(1, f.trainee).bind(2, f.scenario_id).bind(3, f.finished_only ? 1 : 0).bind(4, f.unfinished_only ? 1 : 0);
    std::vector<AttemptSummary> out;
    while (q.step()) out.push_back(read_attempt_row(q));
    return out;
}

std::vector<ChoiceRecord> query_choices(const detail::Connection& db, AttemptId id) {
    Statement q(db,
                "SELECT turn, node, choice_index, shown, say, technical, personal, mood, mood_after, technical_total,"
                " personal_total, seconds, made_at, statement_id, coalesce(presented, 0),"
                " (SELECT group_concat(skill, char(31)) FROM choice_skills s WHERE s.attempt_id = c.attempt_id AND s.turn = c.turn)"
                " FROM choices c WHERE attempt_id = ?1 ORDER BY turn");
    // Column 14 is `presented`; the joined skills are column 15.
    q.bind(1, id);
    std::vector<ChoiceRecord> out;
    while (q.step()) {
        ChoiceRecord c;
        c.turn = q.integer(0);
        c.node = q.text(1);
        c.choice_index = q.integer(2);
        c.shown = q.integer(3);
        c.say = q.text(4);
        c.technical = q.integer(5);
        c.personal = q.integer(6);
        c.mood = q.integer(7);
        c.mood_after = q.integer(8);
        c.technical_total = q.integer(9);
        c.personal_total = q.integer(10);
        c.seconds = q.real(11);
        c.made_at = q.text(12);
        c.statement_id = q.text(13);
        c.presented = q.integer(14);
        // Skills come back joined with the unit separator, which no skill tag contains.
        std::string joined = q.text(15);
        for (size_t i = 0; !joined.empty() && i <= joined.size();) {
            size_t end = joined.find('\x1f', i);
            if (end == std::string::npos) end = joined.size();
            c.skills.push_back(joined.substr(i, end - i));
            i = end + 1;
        }
        out.push_back(std::move(c));
    }
    return out;
}

AttemptDetail detail_of(const detail::Connection& db, AttemptSummary summary) {
    AttemptDetail d;
    Statement ids(db, "SELECT attempted_statement_id, completed_statement_id, verdict_statement_id FROM attempts WHERE id = ?1");
    ids.bind(1, summary.id);
    if (ids.step()) {
        d.attempted_statement_id = ids.text(0);
        d.completed_statement_id = ids.text(1);
        d.verdict_statement_id = ids.text(2);
    }
    d.choices = query_choices(db, summary.id);
    d.summary = std::move(summary);
    return d;
}

}  // namespace

Result<std::vector<TraineeSummary>> ResultsStore::trainees() const {
    return detail::guarded<std::vector<TraineeSummary>>(*impl_, "listing trainees", [&] {
        Statement q(impl_->db,
                    "SELECT t.name, t.created_at, count(a.id), count(a.finished_at), coalesce(max(a.started_at), '')"
                    " FROM trainees t LEFT JOIN attempts a ON a.trainee_id = t.id GROUP BY t.id ORDER BY t.name");
        std::vector<TraineeSummary> out;
        while (q.step()) out.push_back({q.text(0), q.text(1), q.integer(2), q.integer(3), q.text(4)});
        return out;
    });
}

Result<std::vector<AttemptSummary>> ResultsStore::unfinished_attempts(std::string_view trainee) const {
    return detail::guarded<std::vector<AttemptSummary>>(*impl_, "listing unfinished attempts", [&] {
        AttemptFilter f;
        f.trainee = std::string(trainee);
        f.unfinished_only = true;
        return query_attempts(impl_->db, f, true);
    });
}

Result<std::vector<AttemptSummary>> ResultsStore::attempts(const AttemptFilter& filter) const {
    return detail::guarded<std::vector<AttemptSummary>>(*impl_, "listing attempts",
                                                        [&] { return query_attempts(impl_->db, filter, false); });
}

Result<AttemptDetail> ResultsStore::attempt(AttemptId id) const {
    return detail::guarded<AttemptDetail>(*impl_, "reading an attempt", [&]() -> Result<AttemptDetail> {
        Statement q(impl_->db, std::string(attempt_columns) + " WHERE a.id = ?1");
        q.bind(1, id);
        if (!q.step()) return detail::invalid_argument("There is no attempt " + std::to_string(id) + ".");
        return detail_of(impl_->db, read_attempt_row(q));
    });
}

Result<std::vector<AttemptDetail>> ResultsStore::attempt_details(const AttemptFilter& filter) const {
    return detail::guarded<std::vector<AttemptDetail>>(*impl_, "reading attempts", [&] {
        std::vector<AttemptDetail> out;
        for (AttemptSummary& s : query_attempts(impl_->db, filter, false)) out.push_back(detail_of(impl_->db, std::move(s)));
        return out;
    });
}

namespace {

std::vector<ScenarioBest> best_of(const std::vector<AttemptSummary>& finished) {
    std::map<std::string, ScenarioBest> by_scenario;
    for (const AttemptSummary& a : finished) {
        auto [it, inserted] = by_scenario.try_emplace(a.scenario_id);
        ScenarioBest& b = it->second;
        b.scenario_id = a.scenario_id;
        b.attempts += 1;
        if (inserted || better_result(*a.score, *b.best.score)) b.best = a;
        b.scenario_title = a.scenario_title;  // the newest title, as attempts come oldest first
    }
    std::vector<ScenarioBest> out;
    for (auto& [id, b] : by_scenario) out.push_back(std::move(b));
    return out;
}

}  // namespace

Result<std::vector<ScenarioBest>> ResultsStore::best_per_scenario(std::string_view trainee) const {
    return detail::guarded<std::vector<ScenarioBest>>(*impl_, "finding best results", [&] {
        AttemptFilter f;
        f.trainee = std::string(trainee);
        f.finished_only = true;
        return best_of(query_attempts(impl_->db, f, false));
    });
}

Result<std::optional<ScenarioBest>> ResultsStore::best_for_scenario(std::string_view trainee, std::string_view scenario_id,
                                                                    std::string_view content_hash) const {
    return detail::guarded<std::optional<ScenarioBest>>(*impl_, "finding the best result", [&] {
        AttemptFilter f;
        f.trainee = std::string(trainee);
        f.scenario_id = std::string(scenario_id);
        f.finished_only = true;
        std::vector<AttemptSummary> found = query_attempts(impl_->db, f, false);
        if (!content_hash.empty())
            std::erase_if(found, [&](const AttemptSummary& a) { return a.content_hash != content_hash; });
        std::vector<ScenarioBest> best = best_of(found);
        return best.empty() ? std::optional<ScenarioBest>() : std::optional<ScenarioBest>(std::move(best.front()));
    });
}

Result<std::vector<SkillCount>> ResultsStore::skill_profile(std::string_view trainee) const {
    return detail::guarded<std::vector<SkillCount>>(*impl_, "counting skills", [&] {
        Statement q(impl_->db,
                    "SELECT s.skill, count(*), count(DISTINCT s.attempt_id) FROM choice_skills s"
                    " JOIN attempts a ON a.id = s.attempt_id JOIN trainees t ON t.id = a.trainee_id"
                    " WHERE t.name = ?1 GROUP BY s.skill ORDER BY s.skill");
        q.bind(1, trainee);
        std::map<std::string, SkillCount> counted;
        while (q.step()) counted[q.text(0)] = {q.text(0), q.integer(1), q.integer(2)};
        std::vector<SkillCount> out;
        for (const std::string& skill : known_skills()) {
            auto it = counted.find(skill);
            out.push_back(it != counted.end() ? it->second : SkillCount{skill, 0, 0});
            if (it != counted.end()) counted.erase(it);
        }
        for (auto& [skill, count] : counted) out.push_back(count);
        return out;
    });
}

Result<std::vector<QuadrantCount>> ResultsStore::quadrant_counts(std::string_view trainee) const {
    return detail::guarded<std::vector<QuadrantCount>>(*impl_, "counting quadrants", [&] {
        Statement q(impl_->db,
                    "SELECT a.quadrant, count(*) FROM attempts a JOIN trainees t ON t.id = a.trainee_id"
                    " WHERE t.name = ?1 AND a.finished_at IS NOT NULL GROUP BY a.quadrant");
        q.bind(1, trainee);
        std::vector<QuadrantCount> out;
        for (Quadrant quadrant : all_quadrants) out.push_back({quadrant, 0});
        while (q.step()) {
            const Quadrant quadrant = quadrant_from_id(q.text(0));
            for (QuadrantCount& c : out)
                if (c.quadrant == quadrant) c.attempts += q.integer(1);
        }
        return out;
    });
}

Result<std::vector<std::string>> ResultsStore::delivered_statements(std::string_view endpoint) const {
    return detail::guarded<std::vector<std::string>>(*impl_, "reading sent statements", [&] {
        Statement q(impl_->db, "SELECT statement_id FROM lrs_deliveries WHERE endpoint = ?1");
        q.bind(1, endpoint);
        std::vector<std::string> out;
        while (q.step()) out.push_back(q.text(0));
        return out;
    });
}

}  // namespace frontline::results
