// The report's figures, from the store's rows and the installed scenario files.
// No SQLite and no HTML here: the store reads the rows (store_report.cpp), the
// HTML is written by report_html.cpp, and the game draws what it needs.
//
// Sections: dates and medians; per choice point; replay gain; workshops; the report.
#include "frontline/results/report.hpp"

#include "frontline/runner.hpp"
#include "frontline/scoring.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace frontline::results {

// --- Dates and medians ---------------------------------------------------------------

bool valid_report_date(std::string_view d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (d[i] < '0' || d[i] > '9') return false;
    const int year = std::stoi(std::string(d.substr(0, 4)));
    const int month = std::stoi(std::string(d.substr(5, 2)));
    const int day = std::stoi(std::string(d.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// --- Per choice point -------------------------------------------------------------------

ScenarioInsight scenario_insight(const ReportRows& rows, const std::string& scenario_id, const Scenario* file, int group) {
    ScenarioInsight out;
    out.scenario_id = scenario_id;
    out.file_found = file != nullptr;
    std::unordered_map<AttemptId, const AttemptSummary*> mine;
    for (const AttemptSummary& a : rows.attempts) {
        if (a.scenario_id != scenario_id) continue;
        mine[a.id] = &a;
        out.title = a.scenario_title;  // the newest title: attempts come oldest first
        ++out.attempts;
        ++(a.finished() ? out.finished : out.unfinished);
    }
    if (file) out.title = file->title;

    std::map<std::string, ChoicePoint> points;
    std::map<std::string, int> first_turn;  // order of points without the file
    std::map<std::pair<std::string, int>, AnswerShare> answers;
    std::unordered_map<AttemptId, const ChoiceRow*> last_choice;
    for (const ChoiceRow& c : rows.choices) {
        if (!mine.contains(c.attempt)) continue;
        ChoicePoint& p = points[c.node];
        p.node = c.node;
        ++p.answers;
        auto [turn, fresh_turn] = first_turn.try_emplace(c.node, c.turn);
        if (!fresh_turn) turn->second = std::min(turn->second, c.turn);
        AnswerShare& a = answers[{c.node, c.choice_index}];
        a.choice_index = c.choice_index;
        ++a.taken;
        // The newest wording and effects win: rows come oldest first.
        a.say = c.say;
        a.technical = c.technical;
        a.personal = c.personal;
        a.mood = c.mood;
        const ChoiceRow*& last = last_choice[c.attempt];
        if (!last || last->turn < c.turn) last = &c;
    }

    // Where unfinished calls stopped: the node their last answer led to (with the
    // file), else the node of that answer; the start node if they never answered.
    std::map<std::string, int> stopped;
    for (const auto& [id, a] : mine) {
        if (a->finished()) continue;
        auto it = last_choice.find(id);
        std::string at;
        if (it == last_choice.end()) {
            if (file && file->start >= 0) at = file->node(file->start).id;
        } else {
            at = it->second->node;
            const int n = file ? file->find_node(at) : -1;
            if (n >= 0) {
                const Node& node = file->node(n);
                const int ci = it->second->choice_index;
                if (ci >= 0 && ci < static_cast<int>(node.choices.size()) && !node.choice(ci).next.is_ending() &&
                    node.choice(ci).next.index >= 0)
                    at = file->node(node.choice(ci).next.index).id;
            }
        }
        ++stopped[at];
    }
    for (const auto& [node, count] : stopped) {
        out.stopped.emplace_back(node, count);
        if (node.empty()) continue;
        ChoicePoint& p = points[node];
        p.node = node;
        p.stopped_here += count;
        first_turn.try_emplace(node, 1 << 20);
    }
    std::stable_sort(out.stopped.begin(), out.stopped.end(), [](const auto& a, const auto& b) { return a.second > b.second; });

    // Options in file order: the file's answers (untaken ones at 0), then any the
    // file no longer has (an older version's).
    for (auto& [node_id, p] : points) {
        const int n = file ? file->find_node(node_id) : -1;
        if (n >= 0) {
            const Node& node = file->node(n);
            p.notes = node.notes;
            for (size_t i = 0; i < node.choices.size(); ++i) {
                const Choice& c = node.choices[i];
                auto it = answers.find({node_id, static_cast<int>(i)});
                AnswerShare a = it != answers.end() ? it->second : AnswerShare{};
                a.choice_index = static_cast<int>(i);
                a.say = c.say;
                a.technical = c.technical;
                a.personal = c.personal;
                a.mood = c.mood;
                a.in_file = true;
                p.options.push_back(a);
            }
        }
        for (auto it = answers.lower_bound({node_id, -1}); it != answers.end() && it->first.first == node_id; ++it) {
            const bool listed = std::any_of(p.options.begin(), p.options.end(),
                                            [&](const AnswerShare& a) { return a.choice_index == it->second.choice_index; });
            if (listed) continue;
            AnswerShare a = it->second;
            a.in_file = n < 0;  // without the file there is nothing to contradict it
            p.options.push_back(a);
        }
        for (AnswerShare& a : p.options) a.share = p.answers > 0 ? static_cast<double>(a.taken) / p.answers : 0;
        p.shown = p.answers >= group;
    }

    std::vector<ChoicePoint> ordered;
    for (auto& [id, p] : points) ordered.push_back(std::move(p));
    const auto rank = [&](const ChoicePoint& p) {
        const int n = file ? file->find_node(p.node) : -1;
        return std::make_pair(n >= 0 ? n : 1 << 20, first_turn[p.node]);
    };
    std::stable_sort(ordered.begin(), ordered.end(), [&](const ChoicePoint& a, const ChoicePoint& b) { return rank(a) < rank(b); });
    out.points = std::move(ordered);

    for (const ChoicePoint& p : out.points) {
        if (!p.shown) continue;  // a small group's answers could name who gave them
        for (const AnswerShare& a : p.options)
            if (a.taken > 0 && a.personal < 0) out.hurtful.push_back({p.node, a});
    }
    std::stable_sort(out.hurtful.begin(), out.hurtful.end(), [](const auto& a, const auto& b) {
        if (a.answer.personal != b.answer.personal) return a.answer.personal < b.answer.personal;
        return a.answer.taken > b.answer.taken;
    });
    return out;
}

// --- Replay gain ---------------------------------------------------------------------------

ReplayGainSummary replay_gain(const std::vector<AttemptSummary>& attempts, int group) {
    ReplayGainSummary out;
    std::map<std::pair<std::string, std::string>, ReplayGain> pairs;
    std::map<std::pair<std::string, std::string>, StoredScore> best;
    for (const AttemptSummary& a : attempts) {
        if (!a.finished()) continue;
        const StoredScore& s = *a.score;
        const auto key = std::make_pair(a.trainee, a.scenario_id);
        auto [it, fresh] = pairs.try_emplace(key);
        ReplayGain& g = it->second;
        g.title = a.scenario_title;
        ++g.calls;
        if (fresh) {
            g.trainee = a.trainee;
            g.scenario_id = a.scenario_id;
            g.first_technical = g.best_technical = s.technical_percent;
            g.first_personal = g.best_personal = s.personal_percent;
            g.first_quadrant = g.best_quadrant = s.quadrant;
            best[key] = s;
            continue;
        }
        if (better_result(s, best[key])) {
            best[key] = s;
            g.best_technical = s.technical_percent;
            g.best_personal = s.personal_percent;
            g.best_quadrant = s.quadrant;
            g.attempts_to_best = g.calls;
        }
    }
    std::vector<double> technical, personal, to_best;
    for (auto& [key, g] : pairs) {
        if (g.calls >= 2) {
            ++out.replayed;
            technical.push_back(g.technical_gain());
            personal.push_back(g.personal_gain());
            to_best.push_back(g.attempts_to_best);
            if (g.attempts_to_best > 1) ++out.improved;
        }
        out.pairs.push_back(std::move(g));
    }
    if (out.replayed >= group && out.replayed > 0) {
        out.median_technical_gain = median(technical);
        out.median_personal_gain = median(personal);
        out.median_attempts_to_best = median(to_best);
    }
    return out;
}

// --- Workshops ----------------------------------------------------------------------------

namespace {

const ScenarioFile* find_file(const std::vector<ScenarioFile>& files, const std::string& id, const std::string& hash,
                              bool exact) {
    const ScenarioFile* by_id = nullptr;
    for (const ScenarioFile& f : files) {
        if (f.scenario.id != id) continue;
        if (f.scenario.content_hash == hash) return &f;
        if (!by_id) by_id = &f;
    }
    return exact ? nullptr : by_id;
}

WorkshopInsight workshop_insight(const WorkshopRecord& w, const std::vector<ScenarioFile>& files) {
    WorkshopInsight out;
    out.id = w.id;
    out.title = w.title;
    out.style = w.style;
    out.started_at = w.started_at;
    out.finished = !w.finished_at.empty();
    out.teams = w.teams;
    const bool class_vote = w.style == "class-vote";
    const ChoiceOrder order = w.shuffle_seed ? ChoiceOrder::shuffled(*w.shuffle_seed) : ChoiceOrder::authored();

    // A replayed step needs the very version the room played: votes count options as shown.
    std::vector<const ScenarioFile*> queue;
    for (const QueuedScenario& q : w.queue) {
        queue.push_back(find_file(files, q.scenario_id, q.content_hash, true));
        if (!queue.back()) out.missing.push_back(q.title.empty() ? q.scenario_id : q.title);
    }

    std::map<int, WorkshopInsight::Standing> standings;
    if (class_vote) standings[-1].team = -1;
    else
        for (int t = 0; t < static_cast<int>(w.teams.size()); ++t) standings[t].team = t;
    std::map<std::pair<int, std::string>, size_t> turn_at;  // (round, node) -> turns index
    std::optional<Runner> run;
    int run_round = -1, run_team = -2;
    for (const WorkshopStep& s : w.steps) {
        if (s.round < 0 || s.round >= static_cast<int>(queue.size()) || !queue[static_cast<size_t>(s.round)]) continue;
        const ScenarioFile& f = *queue[static_cast<size_t>(s.round)];
        if (!run || run->finished() || s.round != run_round || s.team != run_team) {
            run.emplace(f.scenario, order);
            run_round = s.round;
            run_team = s.team;
        }
        const Node* node = run->node();
        if (!node || node->id != s.node) continue;  // the record does not fit this file: skip rather than guess
        const std::vector<int> shown = run->presented();
        auto [at, fresh] = turn_at.try_emplace({s.round, s.node}, out.turns.size());
        if (fresh) {
            WorkshopInsight::Turn t;
            t.round = s.round;
            t.scenario_title = f.scenario.title;
            t.node = s.node;
            t.notes = node->notes;
            for (int c : shown) {
                const Choice& choice = node->choice(c);
                t.options.push_back({choice.say, 0, {}, choice.technical, choice.personal, false, c});
            }
            out.turns.push_back(std::move(t));
        }
        WorkshopInsight::Turn& t = out.turns[at->second];
        if (class_vote) {
            t.tie_broken = t.tie_broken || s.tie_broken;
            for (size_t i = 0; i < shown.size() && i < t.options.size(); ++i) {
                if (i < s.votes.size()) {
                    t.options[i].votes += s.votes[i];
                    t.votes += s.votes[i];
                }
                if (shown[i] == s.choice_index) t.options[i].chosen = true;
            }
        } else {
            // Teams reach a node on their own paths, so the options each saw are matched by
            // their place in the file; one only a later team was shown joins the turn's list.
            const auto option_of = [&](int c) {
                for (size_t k = 0; k < t.options.size(); ++k)
                    if (t.options[k].choice_index == c) return k;
                const Choice& choice = node->choice(c);
                t.options.push_back({choice.say, 0, {}, choice.technical, choice.personal, false, c});
                return t.options.size() - 1;
            };
            WorkshopInsight::Option& played = t.options[option_of(s.choice_index)];
            played.chosen = true;
            played.teams.push_back(s.team);
            if (!s.votes.empty()) {  // the team voted from its phones
                WorkshopInsight::TeamSplit split;
                split.team = s.team;
                split.tie_broken = s.tie_broken;
                split.chosen = static_cast<int>(option_of(s.choice_index));
                for (size_t i = 0; i < shown.size() && i < s.votes.size(); ++i) {
                    const size_t k = option_of(shown[i]);
                    if (split.votes.size() <= k) split.votes.resize(k + 1, 0);
                    split.votes[k] += s.votes[i];
                    split.total += s.votes[i];
                }
                t.splits.push_back(std::move(split));
            }
        }
        if (!run->choose(s.choice_index)) continue;
        if (run->finished()) {
            const AttemptScore score = score_attempt(f.scenario, f.bounds, *run);
            WorkshopInsight::Standing& st = standings[s.team];
            st.team = s.team;
            ++st.calls;
            st.technical += score.technical_percent;
            st.personal += score.personal_percent;
            if (score.quadrant == Quadrant::best_in_class) ++st.best_in_class;
        }
    }
    for (WorkshopInsight::Turn& t : out.turns)  // an option a later team was shown had no votes from the earlier ones
        for (WorkshopInsight::TeamSplit& split : t.splits) split.votes.resize(t.options.size(), 0);
    for (auto& [team, st] : standings) {
        if (st.calls > 0) {
            st.technical /= st.calls;
            st.personal /= st.calls;
        }
        out.scoreboard.push_back(st);
    }
    // The person first, as customers judge: personal, then technical, then team order.
    std::stable_sort(out.scoreboard.begin(), out.scoreboard.end(), [](const auto& a, const auto& b) {
        if (a.personal != b.personal) return a.personal > b.personal;
        return a.technical > b.technical;
    });
    return out;
}

}  // namespace

// --- The report --------------------------------------------------------------------------

Report build_report(const ReportRows& rows, const ReportFilter& filter, bool names, const std::vector<ScenarioFile>& files,
                    std::string generated_at) {
    Report r;
    r.filter = filter;
    if (!rows.trainee.empty()) r.filter.trainee = rows.trainee;  // as the store spells it
    const bool one_trainee = !filter.trainee.empty();
    r.names = names || one_trainee;
    r.group = one_trainee ? 1 : min_group_size;  // a trainee's own report hides nothing from them
    r.generated_at = std::move(generated_at);
    r.quadrant_counts.assign(4, 0);

    std::set<std::string> seen;
    std::map<std::string, std::string> hash_of;  // scenario id -> newest version played
    std::unordered_set<AttemptId> finished_ids;
    for (const AttemptSummary& a : rows.attempts) {
        ++r.attempts;
        if (seen.insert(a.trainee).second) r.trainee_names.push_back(a.trainee);
        hash_of[a.scenario_id] = a.content_hash;
        if (!a.finished()) {
            ++r.unfinished;
            continue;
        }
        ++r.finished;
        finished_ids.insert(a.id);
        const StoredScore& s = *a.score;
        r.calls.push_back({a.started_at, s.technical_percent, s.personal_percent, s.quadrant});
        ++r.quadrant_counts[static_cast<size_t>(s.quadrant)];
        r.pass_technical = s.technical_pass;
        r.pass_personal = s.personal_pass;
    }
    r.trainees = static_cast<int>(r.trainee_names.size());
    r.gain = replay_gain(rows.attempts, r.group);

    // The six best-in-class behaviours (known_skills() lists them first, then service recovery).
    const std::vector<std::string> six(known_skills().begin(), known_skills().begin() + std::min<size_t>(6, known_skills().size()));
    std::map<std::string, std::set<AttemptId>> practised;
    std::map<std::string, int> tagged;
    for (const ChoiceRow& c : rows.choices) {
        if (!finished_ids.contains(c.attempt)) continue;
        for (const std::string& k : c.skills) {
            ++tagged[k];
            practised[k].insert(c.attempt);
        }
    }
    for (const std::string& k : six) {
        SkillUse u{k, tagged[k], static_cast<int>(practised[k].size()), 0};
        u.share = r.finished > 0 ? static_cast<double>(u.attempts) / r.finished : 0;
        r.skills.push_back(u);
    }

    for (const auto& [id, hash] : hash_of)
        r.scenarios.push_back(scenario_insight(rows, id, find_file(files, id, hash, false) ? &find_file(files, id, hash, false)->scenario : nullptr, r.group));
    std::stable_sort(r.scenarios.begin(), r.scenarios.end(), [](const auto& a, const auto& b) { return a.title < b.title; });

    if (rows.workshop) r.workshop = workshop_insight(*rows.workshop, files);
    return r;
}

std::string trainee_label(const Report& report, const std::string& name) {
    if (report.names) return name;
    const auto it = std::find(report.trainee_names.begin(), report.trainee_names.end(), name);
    return "Trainee " + std::to_string(it - report.trainee_names.begin() + 1);
}

}  // namespace frontline::results
