#include "workshop.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace frontline::game {

std::string_view style_id(WorkshopStyle s) { return s == WorkshopStyle::hot_seat ? "hot-seat" : "class-vote"; }

const std::vector<std::string>& team_colors() {
    // Saturated and far apart in hue and lightness; readable as text on the light theme.
    static const std::vector<std::string> colors = {"#D62828", "#1D4ED8", "#15803D", "#C2410C",
                                                    "#7E22CE", "#0E7490", "#B45309", "#BE185D"};
    return colors;
}

WorkshopStyle Workshop::style() const {
    return record_.style == "class-vote" ? WorkshopStyle::class_vote : WorkshopStyle::hot_seat;
}

std::optional<Workshop> Workshop::restore(const results::WorkshopRecord& record, std::vector<WorkshopScenario> scenarios,
                                          std::string& error) {
    if (scenarios.size() != record.queue.size()) {
        error = "the workshop's queue does not match the scenarios given";
        return std::nullopt;
    }
    for (size_t i = 0; i < scenarios.size(); ++i) {
        const results::QueuedScenario& q = record.queue[i];
        if (!scenarios[i].scenario || !scenarios[i].bounds) {
            error = "scenario '" + q.title + "' (" + q.scenario_id + ") is not in the library";
            return std::nullopt;
        }
        if (scenarios[i].scenario->content_hash != q.content_hash) {
            error = "scenario '" + q.title + "' has changed since the workshop started";
            return std::nullopt;
        }
    }
    const size_t fewest = record.style == "class-vote" ? 1 : 2;  // a class votes as one group
    if (record.teams.size() < fewest || record.teams.size() > 8) {
        error = record.style == "class-vote" ? "a class-vote workshop has 1 to 8 groups" : "a hot-seat workshop has 2 to 8 teams";
        return std::nullopt;
    }
    Workshop w;
    w.record_ = record;
    w.record_.steps.clear();
    w.scenarios_ = std::move(scenarios);
    const int teams = static_cast<int>(record.teams.size());
    for (int round = 0; round < static_cast<int>(record.queue.size()); ++round) {
        if (w.style() == WorkshopStyle::class_vote) {
            w.plays_.push_back({round, -1});
        } else {
            for (int k = 0; k < teams; ++k) w.plays_.push_back({round, (round + k) % teams});
        }
    }
    w.start_play();
    for (const results::WorkshopStep& s : record.steps) {
        if (!w.apply(s)) {
            error = "step " + std::to_string(w.record_.steps.size() + 1) + " of the saved workshop does not fit the scenario";
            return std::nullopt;
        }
        w.just_ended_.reset();
    }
    return w;
}

void Workshop::start_play() {
    runner_.reset();
    elapsed_ = 0;
    revealed = false;
    if (!finished()) runner_.emplace(scenario(), choice_order());
}

std::optional<results::WorkshopStep> Workshop::choose(int number, const std::vector<int>& votes) {
    if (finished() || style() != WorkshopStyle::hot_seat) return std::nullopt;
    std::vector<int> visible = runner_->presented();
    if (number < 1 || number > static_cast<int>(visible.size())) return std::nullopt;
    results::WorkshopStep step;
    if (!votes.empty()) {  // the team's phones decided: their majority, and nothing else
        std::optional<VoteOutcome> outcome = tally(votes);
        if (votes.size() != visible.size() || !outcome || outcome->winner != number) return std::nullopt;
        step.votes = votes;
        step.tie_broken = outcome->tie_broken;
    }
    step.round = play().round;
    step.team = play().team;
    step.node = runner_->node()->id;
    step.choice_index = visible[static_cast<size_t>(number - 1)];
    if (!apply(step)) return std::nullopt;
    return step;
}

std::optional<results::WorkshopStep> Workshop::vote(const std::vector<int>& votes) {
    if (finished() || style() != WorkshopStyle::class_vote) return std::nullopt;
    std::vector<int> visible = runner_->presented();
    if (votes.size() != visible.size()) return std::nullopt;
    std::optional<VoteOutcome> outcome = tally(votes);
    if (!outcome) return std::nullopt;
    results::WorkshopStep step;
    step.round = play().round;
    step.team = -1;
    step.node = runner_->node()->id;
    step.choice_index = visible[static_cast<size_t>(outcome->winner - 1)];
    step.votes = votes;
    step.tie_broken = outcome->tie_broken;
    if (!apply(step)) return std::nullopt;
    return step;
}

bool Workshop::apply(const results::WorkshopStep& step) {
    if (finished() || step.round != play().round || step.team != play().team) return false;
    if (!runner_->node() || runner_->node()->id != step.node) return false;
    if (!runner_->choose(step.choice_index, elapsed_)) return false;
    record_.steps.push_back(step);
    elapsed_ = 0;
    revealed = false;  // the next decision is the room's again before anything shows
    if (runner_->finished()) {
        PlayResult r{play().round, play().team, score_attempt(scenario(), bounds(), *runner_)};
        finished_.push_back(r);
        just_ended_ = r;
        ++current_;
        start_play();
    }
    return true;
}

void Workshop::advance(double seconds) {
    if (paused || finished() || seconds <= 0) return;
    elapsed_ += seconds;
}

double Workshop::remaining() const { return std::max(0.0, record_.decision_seconds - elapsed_); }

WorkshopSummary Workshop::summary() const {
    WorkshopSummary out;
    out.results = finished_;

    // Scoreboard: one row per team (hot seat) or the class, means of both needs.
    std::vector<int> rows;
    if (style() == WorkshopStyle::class_vote) rows = {-1};
    else
        for (int t = 0; t < static_cast<int>(record_.teams.size()); ++t) rows.push_back(t);
    for (int team : rows) {
        TeamStanding s;
        s.team = team;
        for (const PlayResult& r : finished_) {
            if (r.team != team) continue;
            ++s.calls;
            s.technical_percent += r.score.technical_percent;
            s.personal_percent += r.score.personal_percent;
            if (r.score.quadrant == Quadrant::best_in_class) ++s.best_in_class;
        }
        if (s.calls > 0) {
            s.technical_percent /= s.calls;
            s.personal_percent /= s.calls;
        }
        out.scoreboard.push_back(s);
    }
    // The person first, as customers judge: personal, then technical, then team order.
    std::stable_sort(out.scoreboard.begin(), out.scoreboard.end(), [](const TeamStanding& a, const TeamStanding& b) {
        if (a.personal_percent != b.personal_percent) return a.personal_percent > b.personal_percent;
        return a.technical_percent > b.technical_percent;
    });

    // Splits and harmful choices: replay every step against its scenario.
    std::map<std::tuple<int, std::string, int>, size_t> hurt_at;
    std::optional<Runner> run;
    int run_round = -1, run_team = -2;
    for (const results::WorkshopStep& s : record_.steps) {
        const Scenario& sc = *scenarios_[static_cast<size_t>(s.round)].scenario;
        if (!run || run->finished() || s.round != run_round || s.team != run_team) {
            run.emplace(sc, choice_order());
            run_round = s.round;
            run_team = s.team;
        }
        std::vector<int> visible = run->presented();  // as the room saw them, as the votes were counted
        const Node& node = *run->node();
        if (!s.votes.empty()) {
            int top = *std::max_element(s.votes.begin(), s.votes.end());
            int total = 0;
            for (int v : s.votes) total += v;
            if (top < total) {
                SplitVote split{s.round, s.node, s.votes, {}, 0, s.tie_broken, s.team};
                for (int c : visible) split.options.push_back(node.choice(c).say);
                auto it = std::find(visible.begin(), visible.end(), s.choice_index);
                split.winner = static_cast<int>(it - visible.begin()) + 1;
                out.splits.push_back(std::move(split));
            }
        }
        const Choice& made = node.choice(s.choice_index);
        if (made.personal < 0) {
            auto key = std::make_tuple(s.round, s.node, s.choice_index);
            auto [it, fresh] = hurt_at.try_emplace(key, out.hurtful.size());
            if (fresh) out.hurtful.push_back({s.round, s.node, made.say, made.personal, {}});
            auto& teams = out.hurtful[it->second].teams;
            if (std::find(teams.begin(), teams.end(), s.team) == teams.end()) teams.push_back(s.team);
        }
        run->choose(s.choice_index);
    }
    // Closest first: the smaller the winner's share, the more the room disagreed.
    auto share = [](const SplitVote& v) {
        int total = 0;
        for (int n : v.votes) total += n;
        return static_cast<double>(*std::max_element(v.votes.begin(), v.votes.end())) / total;
    };
    std::stable_sort(out.splits.begin(), out.splits.end(),
                     [&](const SplitVote& a, const SplitVote& b) { return share(a) < share(b); });
    std::stable_sort(out.hurtful.begin(), out.hurtful.end(), [](const HurtfulChoice& a, const HurtfulChoice& b) {
        if (a.personal != b.personal) return a.personal < b.personal;
        return a.teams.size() > b.teams.size();
    });
    return out;
}

}  // namespace frontline::game
