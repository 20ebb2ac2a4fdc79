// ResultsStore: workshops. The setup is written once; every decision is its own
// transaction, appended with the next sequence number, so a workshop cut short
// replays to exactly where it stopped.
#include "frontline/results/store.hpp"

#include "store_impl.hpp"
#include "time_text.hpp"

#include <string>

namespace frontline::results {

using detail::Statement;
using detail::WriteTransaction;

namespace {

std::string votes_text(const std::vector<int>& votes) {
    std::string out;
    for (size_t i = 0; i < votes.size(); ++i) out += (i ? "," : "") + std::to_string(votes[i]);
    return out;
}

std::vector<int> parse_votes(const std::string& text) {
    std::vector<int> out;
    size_t at = 0;
    while (at < text.size()) {
        size_t comma = text.find(',', at);
        if (comma == std::string::npos) comma = text.size();
        out.push_back(std::stoi(text.substr(at, comma - at)));
        at = comma + 1;
    }
    return out;
}

std::string setup_problem(const WorkshopRecord& w) {
    if (w.style != "hot-seat" && w.style != "class-vote") return "a workshop style is 'hot-seat' or 'class-vote'";
    // A class votes as one group; hot seat needs teams to take turns.
    const size_t fewest = w.style == "class-vote" ? 1 : 2;
    if (w.teams.size() < fewest || w.teams.size() > 8)
        return w.style == "class-vote" ? "a class-vote workshop has 1 to 8 groups" : "a hot-seat workshop has 2 to 8 teams";
    if (w.queue.empty()) return "a workshop needs at least one scenario in its queue";
    return {};
}

bool workshop_exists(const detail::Connection& db, WorkshopId id, bool* finished = nullptr) {
    Statement q(db, "SELECT finished_at FROM workshops WHERE id = ?");
    q.bind(1, id);
    if (!q.step()) return false;
    if (finished) *finished = !q.is_null(0);
    return true;
}

WorkshopRecord read_workshop(const detail::Connection& db, Statement& row) {
    WorkshopRecord w;
    w.id = row.int64(0);
    w.title = row.text(1);
    if (!row.is_null(6)) w.shuffle_seed = static_cast<uint64_t>(row.int64(6));
    if (!row.is_null(7)) w.phone_port = row.integer(7);
    w.style = row.text(2);
    w.decision_seconds = row.real(3);
    w.started_at = row.text(4);
    w.finished_at = row.is_null(5) ? std::string() : row.text(5);
    Statement teams(db, "SELECT name, color FROM workshop_teams WHERE workshop_id = ? ORDER BY position");
    teams.bind(1, w.id);
    while (teams.step()) w.teams.push_back({teams.text(0), teams.text(1)});
    Statement queue(db, "SELECT scenario_id, content_hash, scenario_title FROM workshop_queue WHERE workshop_id = ? ORDER BY position");
    queue.bind(1, w.id);
    while (queue.step()) w.queue.push_back({queue.text(0), queue.text(1), queue.text(2)});
    Statement steps(db,
                    "SELECT round, team, node, choice_index, votes, tie_broken, made_at FROM workshop_steps "
                    "WHERE workshop_id = ? ORDER BY seq");
    steps.bind(1, w.id);
    while (steps.step()) {
        WorkshopStep s;
        s.round = steps.integer(0);
        s.team = steps.is_null(1) ? -1 : steps.integer(1);
        s.node = steps.text(2);
        s.choice_index = steps.integer(3);
        if (!steps.is_null(4)) s.votes = parse_votes(steps.text(4));
        s.tie_broken = steps.integer(5) != 0;
        s.made_at = steps.text(6);
        w.steps.push_back(std::move(s));
    }
    return w;
}

constexpr const char* workshop_columns =
    "SELECT id, title, style, decision_seconds, started_at, finished_at, shuffle_seed, phone_port FROM workshops";

}  // namespace

Result<WorkshopId> ResultsStore::create_workshop(const WorkshopRecord& w, Clock::time_point at) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    if (std::string problem = setup_problem(w); !problem.empty()) return detail::invalid_argument(problem);
    return detail::guarded<WorkshopId>(*impl_, "saving a workshop", [&] {
        WriteTransaction tx(impl_->db);
        Statement ins(impl_->db,
                      "INSERT INTO workshops (title, style, decision_seconds, started_at, shuffle_seed, phone_port) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, w.title).bind(2, w.style).bind(3, w.decision_seconds).bind(4, detail::iso8601_utc(at));
        if (w.shuffle_seed) ins.bind(5, static_cast<int64_t>(*w.shuffle_seed));
        else ins.bind_null(5);
        if (w.phone_port) ins.bind(6, *w.phone_port);
        else ins.bind_null(6);
        ins.run();
        const WorkshopId id = sqlite3_last_insert_rowid(impl_->db.get());
        Statement team(impl_->db, "INSERT INTO workshop_teams (workshop_id, position, name, color) VALUES (?, ?, ?, ?)");
        for (size_t i = 0; i < w.teams.size(); ++i) {
            team.reset();
            team.bind(1, id).bind(2, static_cast<int>(i)).bind(3, w.teams[i].name).bind(4, w.teams[i].color);
            team.run();
        }
        Statement queued(impl_->db,
                         "INSERT INTO workshop_queue (workshop_id, position, scenario_id, content_hash, scenario_title) "
                         "VALUES (?, ?, ?, ?, ?)");
        for (size_t i = 0; i < w.queue.size(); ++i) {
            const QueuedScenario& q = w.queue[i];
            queued.reset();
            queued.bind(1, id).bind(2, static_cast<int>(i)).bind(3, q.scenario_id).bind(4, q.content_hash).bind(5, q.title);
            queued.run();
        }
        tx.commit();
        return id;
    });
}

Status ResultsStore::set_workshop_phone_port(WorkshopId id, std::optional<int> port) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    if (port && (*port < 0 || *port > 65535)) return detail::invalid_argument("a phone port is 0-65535");
    return detail::guarded<Done>(*impl_, "saving a workshop's phones", [&]() -> Result<Done> {
        WriteTransaction tx(impl_->db);
        if (!workshop_exists(impl_->db, id)) return detail::invalid_argument("no workshop " + std::to_string(id));
        Statement up(impl_->db, "UPDATE workshops SET phone_port = ? WHERE id = ?");
        if (port) up.bind(1, *port);
        else up.bind_null(1);
        up.bind(2, id);
        up.run();
        tx.commit();
        return Done{};
    });
}

Status ResultsStore::record_workshop_step(WorkshopId id, const WorkshopStep& step, Clock::time_point at) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    return detail::guarded<Done>(*impl_, "saving a workshop step", [&]() -> Result<Done> {
        WriteTransaction tx(impl_->db);
        bool finished = false;
        if (!workshop_exists(impl_->db, id, &finished)) return detail::invalid_argument("no workshop " + std::to_string(id));
        if (finished) return detail::invalid_argument("workshop " + std::to_string(id) + " is already finished");
        Statement ins(impl_->db,
                      "INSERT INTO workshop_steps (workshop_id, seq, round, team, node, choice_index, votes, tie_broken, made_at) "
                      "VALUES (?1, (SELECT coalesce(max(seq), -1) + 1 FROM workshop_steps WHERE workshop_id = ?1), "
                      "?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        ins.bind(1, id).bind(2, step.round);
        if (step.team < 0) ins.bind_null(3);
        else ins.bind(3, step.team);
        ins.bind(4, step.node).bind(5, step.choice_index);
        if (step.votes.empty()) ins.bind_null(6);
        else ins.bind(6, votes_text(step.votes));
        ins.bind(7, step.tie_broken ? 1 : 0).bind(8, detail::iso8601_utc(at));
        ins.run();
        tx.commit();
        return Done{};
    });
}

Status ResultsStore::finish_workshop(WorkshopId id, Clock::time_point at) {
    if (impl_->read_only) return detail::read_only_error(impl_->path);
    return detail::guarded<Done>(*impl_, "finishing a workshop", [&]() -> Result<Done> {
        WriteTransaction tx(impl_->db);
        if (!workshop_exists(impl_->db, id)) return detail::invalid_argument("no workshop " + std::to_string(id));
        Statement up(impl_->db, "UPDATE workshops SET finished_at = coalesce(finished_at, ?) WHERE id = ?");
        up.bind(1, detail::iso8601_utc(at)).bind(2, id);
        up.run();
        tx.commit();
        return Done{};
    });
}

Result<std::vector<WorkshopRecord>> ResultsStore::unfinished_workshops() const {
    return detail::guarded<std::vector<WorkshopRecord>>(*impl_, "reading workshops", [&] {
        std::vector<WorkshopRecord> out;
        Statement q(impl_->db, std::string(workshop_columns) + " WHERE finished_at IS NULL ORDER BY started_at DESC, id DESC");
        while (q.step()) out.push_back(read_workshop(impl_->db, q));
        return out;
    });
}

Result<WorkshopRecord> ResultsStore::workshop(WorkshopId id) const {
    return detail::guarded<WorkshopRecord>(*impl_, "reading a workshop", [&]() -> Result<WorkshopRecord> {
        Statement q(impl_->db, std::string(workshop_columns) + " WHERE id = ?");
        q.bind(1, id);
        if (!q.step()) return detail::invalid_argument("no workshop " + std::to_string(id));
        return read_workshop(impl_->db, q);
    });
}

}  // namespace frontline::results
