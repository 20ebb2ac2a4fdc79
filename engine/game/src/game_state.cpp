#include "game_state.hpp"
#include "i18n.hpp"
#include "sound.hpp"

#include "frontline/results/data_path.hpp"
#include "frontline/translation.hpp"

#include <algorithm>

namespace frontline::game {

std::string LibraryEntry::display_title() const {
    if (ok() && !scenario().title.empty()) return scenario().title;
    return path.filename().string();
}

namespace {

// One line per intent; no fallback, so a new intent needs its own line to compile.
std::string describe_one(std::monostate) { return "none"; }
std::string describe_one(const intent::OpenScenario& v) { return "open scenario " + std::to_string(v.index); }
std::string describe_one(const intent::StartCall& v) {
    return v.mode == Mode::coach ? "start call (coach)" : "start call (assessment)";
}
std::string describe_one(const intent::Choose& v) { return "choose " + std::to_string(v.number); }
std::string describe_one(const intent::Retry&) { return "retry"; }
std::string describe_one(const intent::RetryFromTurn& v) { return "retry from turn " + std::to_string(v.turn); }
std::string describe_one(const intent::NextScenario&) { return "next scenario"; }
std::string describe_one(const intent::BackToLibrary&) { return "back to library"; }
std::string describe_one(const intent::OpenSettings&) { return "open settings"; }
std::string describe_one(const intent::CloseSettings&) { return "close settings"; }
std::string describe_one(const intent::ChangeSettings&) { return "change settings"; }
std::string describe_one(const intent::SetSkillFilter& v) { return "filter skill '" + v.skill + "'"; }
std::string describe_one(const intent::SetMode& v) { return v.mode == Mode::coach ? "coach mode" : "assessment mode"; }
std::string describe_one(const intent::ShowDiagnostics& v) { return "diagnostics " + std::to_string(v.index); }
std::string describe_one(const intent::Quit&) { return "quit"; }
std::string describe_one(const intent::SelectTrainee& v) { return "trainee '" + v.name + "'"; }
std::string describe_one(const intent::ResumeAttempt& v) { return "resume attempt " + std::to_string(v.attempt); }
std::string describe_one(const intent::DiscardAttempt& v) { return "discard attempt " + std::to_string(v.attempt); }
std::string describe_one(const intent::OpenProgress&) { return "progress"; }
std::string describe_one(const intent::SetWatch& v) { return v.on ? "watch on" : "watch off"; }
std::string describe_one(const intent::OpenMap&) { return "author map"; }
std::string describe_one(const intent::CloseMap&) { return "close map"; }
std::string describe_one(const intent::StartPlaytest& v) {
    return "playtest from node " + std::to_string(v.start.node);
}
std::string describe_one(const intent::OpenWorkshopSetup&) { return "workshop setup"; }
std::string describe_one(const intent::StartWorkshop& v) {
    return "start workshop (" + v.setup.style + (v.phones ? ", phones" : "") + ")";
}
std::string describe_one(const intent::ResumeWorkshop& v) { return "resume workshop " + std::to_string(v.workshop); }
std::string describe_one(const intent::CloseWorkshop& v) { return "close workshop " + std::to_string(v.workshop); }
std::string describe_one(const intent::WorkshopChoose& v) {
    return "workshop choose " + std::to_string(v.number) + (v.votes.empty() ? "" : " (phones)");
}
std::string describe_one(const intent::WorkshopVote& v) {
    std::string out = "workshop vote";
    for (int n : v.votes) out += " " + std::to_string(n);
    return out;
}
std::string describe_one(const intent::WorkshopPause&) { return "workshop pause"; }
std::string describe_one(const intent::WorkshopReveal&) { return "workshop reveal"; }
std::string describe_one(const intent::WorkshopContinue&) { return "workshop continue"; }
std::string describe_one(const intent::WorkshopSummaryView&) { return "workshop summary"; }
std::string describe_one(const intent::PhoneLock&) { return "phones lock"; }
std::string describe_one(const intent::PhoneReveal&) { return "phones reveal"; }
std::string describe_one(const intent::PhoneNewCode&) { return "phones new code"; }
std::string describe_one(const intent::PhoneRemove& v) { return "phones remove " + std::to_string(v.phone); }
std::string describe_one(const intent::PhoneShowNicknames&) { return "phones show nicknames"; }

}  // namespace

std::string describe(const Intent& i) {
    return std::visit([](const auto& v) { return describe_one(v); }, i);
}

GameState make_game_state(const GameOptions& options) {
    GameState g;
    g.mode = options.assessment ? Mode::assessment : Mode::coach;
    g.results.saved = options.on_results_saved;
    g.choice_seed = options.choice_seed;
    g.no_shuffle = options.no_shuffle;
    if (options.results_data) open_results(g.results, results::results_path(*options.results_data));
    if (!options.trainee.empty() && g.results.on()) select_trainee(g.results, options.trainee);

    std::vector<std::filesystem::path> inputs = options.scenario_paths;
    if (options.open_directly) inputs = {*options.open_directly};
    std::vector<std::string> missing;
    std::vector<std::filesystem::path> files = find_scenario_files(inputs, missing);
    for (const std::string& m : missing) {
        // A missing file asked for by name still gets a card, so the error is visible.
        LibraryEntry e;
        e.path = m;
        e.loaded.io_error = true;
        e.loaded.diagnostics = DiagnosticList(m);
        e.loaded.diagnostics.error(codes::io_error, {}, "no such file or folder");
        g.library.push_back(std::move(e));
    }
    for (const auto& f : files) {
        LibraryEntry e;
        e.path = f;
        e.loaded = load_scenario(f, CheckOptions{});
        g.library.push_back(std::move(e));
    }
    // Which languages the library can be played in: the i18n/LANG folders beside its files.
    for (const LibraryEntry& e : g.library) {
        std::error_code ec;
        const auto i18n = e.path.parent_path() / "i18n";
        if (!std::filesystem::is_directory(i18n, ec)) continue;
        for (const auto& d : std::filesystem::directory_iterator(i18n, ec)) {
            const std::string lang = d.path().filename().string();
            if (d.is_directory(ec) && valid_language_code(lang) &&
                std::find(g.languages.begin(), g.languages.end(), lang) == g.languages.end())
                g.languages.push_back(lang);
        }
    }
    g.asset_dirs = options.asset_dirs;
    for (const std::string& lang : interface_languages(g.asset_dirs))
        if (std::find(g.languages.begin(), g.languages.end(), lang) == g.languages.end()) g.languages.push_back(lang);
    std::sort(g.languages.begin(), g.languages.end());
    g.watch = options.watch;
    g.phone_options.pages = find_asset(options.asset_dirs, std::filesystem::path("phone") / "index.html").parent_path();
    if (options.workshop) {
        results::WorkshopRecord r;
        r.title = "Workshop";
        r.style = options.workshop->style;
        r.decision_seconds = options.workshop->decision_seconds;
        const int teams = r.style == "class-vote" ? 1 : std::clamp(options.workshop->teams, 2, 8);
        for (int t = 0; t < teams; ++t)
            r.teams.push_back({r.style == "class-vote" ? std::string("The class") : "Team " + std::to_string(t + 1),
                               team_colors()[static_cast<size_t>(t)]});
        for (const LibraryEntry& e : g.library)
            if (e.ok()) r.queue.push_back({e.scenario().id, e.scenario().content_hash, e.scenario().title});
        g.phone_options.bind = options.workshop->phone_bind;
        g.phone_options.port = options.workshop->phone_port;
        if (!r.queue.empty()) apply(g, intent::StartWorkshop{r, options.workshop->phones});
    }
    if (options.open_directly) {
        g.single_scenario = true;
        if (!g.library.empty()) apply(g, intent::OpenScenario{0});
    }
    return g;
}

const Scenario& current_scenario(const GameState& g) { return library_entry(g, g.current).scenario(); }
const ScoreBounds& current_bounds(const GameState& g) {
    if (in_playtest(g)) return g.call->playtest->bounds;
    return *library_entry(g, g.current).loaded.bounds;
}

namespace {

bool current_ok(const GameState& g) {
    return g.current >= 0 && g.current < static_cast<int>(g.library.size()) && library_entry(g, g.current).ok();
}

bool better(const BestResult& a, const BestResult& b) {
    return better_result(a.quadrant, a.technical_percent, a.personal_percent, b.quadrant, b.technical_percent,
                         b.personal_percent);
}

void finish_call(GameState& g) {
    const Scenario& s = current_scenario(g);
    CallSession& call = *g.call;
    call.score = score_attempt(s, current_bounds(g), call.runner);
    call.debrief = build_debrief(s, current_bounds(g), call.runner);
    ++g.calls_finished;
    g.screen = Screen::debrief;
    g.results.others_answers.reset();
    if (call.playtest) return;  // an author's experiment is nobody's result
    BestResult r{call.score->technical_percent, call.score->personal_percent, call.score->quadrant, call.score->outcome,
                 1};
    auto [it, inserted] = g.session_best.try_emplace(result_key(s), r);
    if (!inserted) {
        int attempts = it->second.attempts + 1;
        if (better(r, it->second)) it->second = r;
        it->second.attempts = attempts;
    }
    finish_attempt(g.results, call.runner, *call.score);
    g.results.others_answers = answer_shares(g.results, s, true);
}

results::AttemptMode attempt_mode(Mode m) {
    return m == Mode::assessment ? results::AttemptMode::assessment : results::AttemptMode::practice;
}

/// The one way a call comes on screen: a new session replaces whatever was there.
void show_call(GameState& g, Runner runner, std::optional<CallSession::Playtest> playtest = {}) {
    g.call.emplace(std::move(runner));
    g.call->playtest = std::move(playtest);
    g.screen = Screen::call;
    if (g.call->runner.finished()) finish_call(g);
}

/// Puts `call` on screen as the trainee's call. `resume`: go on recording that stored
/// attempt (its choices are already saved); otherwise a new attempt records what the
/// call already holds (a replayed or rewound prefix).
void start_call(GameState& g, Runner call, std::optional<results::AttemptId> resume = {}) {
    const Scenario& s = current_scenario(g);
    if (resume) g.results.call.resume(*resume);
    else begin_attempt(g.results, attempt_mode(g.mode), call);
    if (s.channel == Channel::phone) g.cues.push_back(Cue::ring);
    show_call(g, std::move(call));
}

/// Starts a call along `path` (node choice indices), shown in `order`.
void start_runner(GameState& g, std::span<const int> path, ChoiceOrder order,
                  std::optional<results::AttemptId> resume = {}) {
    start_call(g, replay(current_scenario(g), path, nullptr, order), resume);
}

/// What can be scored from `start` on: the best and worst on each need over every path
/// from there. A playtest is part of a call, so the best from here is its full marks.
ScoreBounds bounds_from(const Scenario& s, const CallState& start) {
    ScoreBounds b;
    const StateGraph graph = explore_states_from(s, start);
    b.states = graph.states.size();
    if (graph.complete && !graph.states.empty()) {
        const auto plans = plan_needs(graph);
        const NeedRange& t = plans[static_cast<size_t>(Need::technical)].range;
        const NeedRange& p = plans[static_cast<size_t>(Need::personal)].range;
        // Totals start at the playtest's own values: what is earned is the rest of the call.
        if (t.best != unreachable_score) b.best_technical = t.best - start.technical, b.worst_technical = t.worst - start.technical;
        if (p.best != unreachable_score) b.best_personal = p.best - start.personal, b.worst_personal = p.worst - start.personal;
    }
    b.full_technical = b.best_technical;
    b.full_personal = b.best_personal;
    return b;
}

/// A playtest: a call from the author's chosen node and values, replaying
/// `path` (node choice indices) from there. Nothing is recorded.
void start_playtest(GameState& g, const PlaytestStart& p, std::span<const int> path = {}) {
    const Scenario& s = current_scenario(g);
    std::optional<CallState> st = playtest_state(s, p);
    if (!st) return;
    g.results.call.stop();  // a call left for a playtest stays unfinished, as when leaving
    Runner runner(s, *st, next_choice_order(g));
    for (int c : path)
        if (!runner.choose(c)) break;
    show_call(g, std::move(runner), CallSession::Playtest{p, bounds_from(s, *st)});
}

void open(GameState& g, int index) {
    if (index < 0 || index >= static_cast<int>(g.library.size())) return;
    g.current = index;
    g.call.reset();
    g.screen = library_entry(g, index).ok() ? Screen::briefing : Screen::diagnostics;
}

/// Replays a stored unfinished call when the scenario file is the version it
/// was played on; a changed file can only be discarded (the path may not fit).
void resume_attempt(GameState& g, results::AttemptId id) {
    if (!g.results.on()) return;
    auto detail = g.results.store->attempt(id);
    if (!detail) return results_failed(g.results, detail.error());
    const results::AttemptSummary& a = detail->summary;
    if (a.finished()) return;
    int index = resumable_index(g, a);
    if (index < 0) return;
    open(g, index);
    g.mode = a.mode == results::AttemptMode::assessment ? Mode::assessment : Mode::coach;
    std::vector<int> path = detail->path();
    // The same order the trainee saw before the call was cut off.
    const ChoiceOrder order = a.shuffle_seed ? ChoiceOrder::shuffled(*a.shuffle_seed) : ChoiceOrder::authored();
    start_runner(g, path, order, id);
}

// The game's intent handlers, one per intent (the workshop's are in workshop_flow.cpp).

void handle(GameState&, std::monostate) {}

void handle(GameState& g, const intent::OpenScenario& v) {
    if (!g.call) apply_language(g);
    open(g, v.index);
}

void handle(GameState& g, const intent::ShowDiagnostics& v) {
    if (v.index < 0 || v.index >= static_cast<int>(g.library.size())) return;
    g.current = v.index;
    g.screen = Screen::diagnostics;
}

void handle(GameState& g, const intent::StartCall& v) {
    if (!current_ok(g)) return;
    g.mode = v.mode;
    start_runner(g, {}, next_choice_order(g));
}

void handle(GameState& g, const intent::Choose& v) {
    if (g.screen != Screen::call || !g.call || g.call->runner.finished()) return;
    CallSession& call = *g.call;
    if (!call.runner.choose_presented(v.number, call.thinking_seconds)) return;
    call.thinking_seconds = 0;
    // Committed before anything else happens: a crash now loses nothing chosen.
    if (!call.playtest) record_latest_choice(g.results, call.runner);
    if (call.runner.finished()) finish_call(g);
}

void handle(GameState& g, const intent::Retry&) {
    if (!current_ok(g) || (g.screen != Screen::debrief && g.screen != Screen::call)) return;
    // A playtest is retried from its own start, still unrecorded.
    if (in_playtest(g)) start_playtest(g, PlaytestStart(g.call->playtest->start));
    else start_runner(g, {}, next_choice_order(g));
}

void handle(GameState& g, const intent::RetryFromTurn& v) {
    if (!current_ok(g) || !g.call) return;
    const std::vector<int>& path = g.call->runner.path();
    if (v.turn < 0 || v.turn > static_cast<int>(path.size())) return;
    // Back to exactly where the call stood before that choice (the silence
    // already charged included), with the answers shuffled anew.
    Runner again = g.call->runner;
    if (!again.rewind(static_cast<size_t>(v.turn), next_choice_order(g)))
        again = replay(current_scenario(g), path, nullptr, next_choice_order(g));
    if (std::optional<CallSession::Playtest> playtest = g.call->playtest)
        show_call(g, std::move(again), std::move(playtest));
    else start_call(g, std::move(again));
}

void handle(GameState& g, const intent::NextScenario&) {
    int next = next_scenario_index(g);
    if (next >= 0) open(g, next);
}

void handle(GameState& g, const intent::BackToLibrary&) {
    if (leave_workshop(g)) return;
    // A call left mid-way stays unfinished in the store, to resume or discard.
    g.results.call.stop();
    refresh_results(g.results);
    g.call.reset();
    g.screen = Screen::library;
    apply_language(g);
}

void handle(GameState& g, const intent::OpenSettings&) {
    if (g.screen != Screen::settings) g.screen_before_settings = g.screen;
    g.screen = Screen::settings;
}

void handle(GameState& g, const intent::CloseSettings&) {
    if (g.screen == Screen::settings) g.screen = g.screen_before_settings;
}

void handle(GameState& g, const intent::ChangeSettings& v) {
    Settings s = v.settings;
    s.ui_scale_percent = std::clamp(s.ui_scale_percent, min_ui_scale_percent, max_ui_scale_percent);
    if (s != g.settings) {
        g.settings = s;
        g.settings_changed = true;
        apply_interface_language(g);
        if (!g.call) apply_language(g);
    }
}

void handle(GameState& g, const intent::SetSkillFilter& v) { g.skill_filter = v.skill; }
void handle(GameState& g, const intent::SetMode& v) { g.mode = v.mode; }
void handle(GameState& g, const intent::Quit&) { g.quit = true; }
void handle(GameState& g, const intent::SelectTrainee& v) { select_trainee(g.results, v.name); }
void handle(GameState& g, const intent::ResumeAttempt& v) { resume_attempt(g, v.attempt); }

void handle(GameState& g, const intent::DiscardAttempt& v) {
    if (!g.results.on()) return;
    if (auto done = g.results.store->discard_attempt(v.attempt); !done) return results_failed(g.results, done.error());
    refresh_results(g.results);
}

void handle(GameState& g, const intent::OpenProgress&) {
    load_progress(g.results);
    g.screen = Screen::progress;
}

void handle(GameState& g, const intent::OpenMap&) {
    if (!current_ok(g) || g.screen == Screen::author_map || !author_map_allowed(g)) return;
    if (g.screen != Screen::briefing && g.screen != Screen::call && g.screen != Screen::debrief) return;
    g.author_map = build_author_map(current_scenario(g));
    g.results.map_answers = answer_shares(g.results, current_scenario(g), false);
    g.screen_before_map = g.screen;
    g.screen = Screen::author_map;
}

void handle(GameState& g, const intent::CloseMap&) {
    if (g.screen == Screen::author_map) g.screen = g.screen_before_map;
}

void handle(GameState& g, const intent::StartPlaytest& v) {
    if (current_ok(g) && g.screen == Screen::author_map) start_playtest(g, v.start);
}

void handle(GameState& g, const intent::SetWatch& v) {
    g.watch = v.on;
    g.watcher.reset();  // a fresh baseline when it comes back on
    if (!v.on && !g.reload_diagnostics.items().empty()) {
        g.reload_diagnostics = DiagnosticList();
        ++g.reloads;
    }
}

}  // namespace

int resumable_index(const GameState& g, const results::AttemptSummary& a) {
    for (int i = 0; i < static_cast<int>(g.library.size()); ++i) {
        const LibraryEntry& e = library_entry(g, i);
        if (e.ok() && e.scenario().id == a.scenario_id && e.scenario().content_hash == a.content_hash) return i;
    }
    return -1;
}

void apply(GameState& g, const Intent& i) {
    std::visit([&g](const auto& v) { handle(g, v); }, i);
}

namespace {

/// After a reload restarted the call: the map stays open over the new version,
/// returning to wherever the call now is (it may have ended).
void keep_map_open(GameState& g, Screen was) {
    if (was != Screen::author_map) return;
    g.screen_before_map = g.screen;
    g.screen = Screen::author_map;
}

}  // namespace

namespace {
/// `s` in `language` from its catalogue beside `path`; a broken catalogue is a notice.
/// False when the scenario has no catalogue for `language` (it stays as written).
bool translate_into(GameState& g, const std::filesystem::path& path, const std::string& language, Scenario& s) {
    if (language.empty()) return true;
    std::vector<std::string> errors;
    bool found = false;
    auto catalogue = load_scenario_catalogue(path, s.id, language, errors, &found);
    for (auto& m : errors) g.notices.push_back(std::move(m));
    if (catalogue) translate_scenario(s, *catalogue);
    return found;
}
}  // namespace

void apply_language(GameState& g) {
    if (g.call || g.applied_language == g.settings.language) return;
    for (LibraryEntry& e : g.library) {
        if (!e.ok()) continue;
        if (!e.source) e.source = *e.loaded.scenario;
        Scenario s = *e.source;
        e.untranslated = !translate_into(g, e.path, g.settings.language, s);
        *e.loaded.scenario = std::move(s);
    }
    g.applied_language = g.settings.language;
}

void apply_interface_language(GameState& g) {
    if (g.interface_language == g.settings.language && interface_language() == g.settings.language) return;
    std::vector<std::string> errors;
    Catalogue c = load_interface_catalogue(g.asset_dirs, g.settings.language, errors);
    for (auto& m : errors)
        if (std::find(g.notices.begin(), g.notices.end(), m) == g.notices.end()) g.notices.push_back(std::move(m));
    set_interface_catalogue(g.settings.language, std::move(c));
    g.interface_language = g.settings.language;
}

void reload_current(GameState& g) {
    if (g.current < 0 || g.current >= static_cast<int>(g.library.size())) return;
    LibraryEntry& e = library_entry(g, g.current);
    LoadedScenario fresh = load_scenario(e.path, CheckOptions{});
    ++g.reloads;
    if (!fresh.scenario || !fresh.bounds) {
        if (!e.ok()) {  // nothing good to keep: the diagnostics screen shows the new errors
            e.loaded = std::move(fresh);
            g.reload_diagnostics = DiagnosticList();
            return;
        }
        g.reload_diagnostics = std::move(fresh.diagnostics);
        return;
    }
    g.reload_diagnostics = DiagnosticList();
    // Steps are plain text and indices: taken before the old scenario goes away,
    // since the runner points into the library entry that is about to be replaced.
    std::vector<ReplayStep> steps;
    if (g.call) steps = replay_steps(g.call->runner);
    const bool had_call = g.call.has_value();
    // A reload replays the same call: the trainee keeps the order they were reading.
    const ChoiceOrder order = g.call ? g.call->runner.order() : next_choice_order(g);
    std::optional<PlaytestStart> playtest_start;
    if (in_playtest(g)) playtest_start = g.call->playtest->start;
    const Screen screen = g.screen;
    g.call.reset();
    // A saved edit keeps the language the library is in (the replay matches by text).
    e.source.reset();
    if (!g.applied_language.empty()) {
        e.source = *fresh.scenario;
        translate_into(g, e.path, g.applied_language, *fresh.scenario);
    }
    e.loaded = std::move(fresh);
    if (screen == Screen::diagnostics) {
        open(g, g.current);  // fixed: on to the briefing
        return;
    }
    if (g.author_map) {
        g.author_map = build_author_map(e.scenario());
        // A saved edit is a new version: its shares start again (answers may have moved).
        g.results.map_answers = answer_shares(g.results, e.scenario(), false);
    }
    if (!had_call) return;
    if (playtest_start) {
        // A playtest replays from its own start, by choice index (the node may have moved).
        std::vector<int> path;
        for (const ReplayStep& step : steps) path.push_back(step.index);
        start_playtest(g, *playtest_start, path);
        if (!g.call) g.screen = Screen::briefing;  // the node is gone: nothing to go back to
        keep_map_open(g, screen);
        return;
    }
    ReloadedCall replayed = reload_keeping_path(steps, e.scenario());
    g.reload_dropped = replayed.dropped;
    std::vector<int> path = replayed.runner.path();
    // The map may be open over the call or its debrief: what matters is underneath.
    const Screen underneath = screen == Screen::author_map ? g.screen_before_map : screen;
    if (underneath == Screen::debrief) {
        // Review the same call on the new version without recording it again.
        CallSession review(replay(e.scenario(), path, nullptr, order));
        if (review.runner.finished()) {
            review.score = score_attempt(e.scenario(), current_bounds(g), review.runner);
            review.debrief = build_debrief(e.scenario(), current_bounds(g), review.runner);
            g.call = std::move(review);
            return;
        }
    }
    // The stored attempt belongs to the old version (its content hash): leave it
    // unfinished, as leaving a call does, and record the replayed one afresh.
    g.results.call.stop();
    start_runner(g, path, order);
    keep_map_open(g, screen);
}

bool poll_scenario_file(GameState& g, double now) {
    if (!g.watch || g.current < 0 || g.current >= static_cast<int>(g.library.size())) return false;
    // A workshop plays in front of a class: the scenario does not change under it.
    if (g.screen == Screen::workshop || g.screen == Screen::workshop_setup || g.screen == Screen::workshop_summary)
        return false;
    if (now < g.next_watch_check) return false;
    g.next_watch_check = now + 0.25;
    const std::filesystem::path& path = library_entry(g, g.current).path;
    if (!g.watcher || g.watcher->path() != path) {
        g.watcher.emplace(path);  // baseline: the version already loaded
        return false;
    }
    if (!g.watcher->check_now()) return false;
    reload_current(g);
    return true;
}

bool author_map_allowed(const GameState& g) {
    return (g.settings.author_tools || g.watch) && g.mode == Mode::coach;
}

ChoiceOrder next_choice_order(const GameState& g) {
    if (g.no_shuffle) return ChoiceOrder::authored();
    return ChoiceOrder::shuffled(g.choice_seed.value_or(fresh_shuffle_seed()));
}

void advance_time(GameState& g, double seconds) {
    if (g.screen == Screen::workshop && g.workshop && !g.paused) g.workshop->advance(seconds);
    // An author reading a broken save's errors is not keeping the customer waiting.
    const bool overlay = !g.reload_diagnostics.items().empty();
    if (seconds <= 0 || g.paused || overlay || g.screen != Screen::call || !g.call || g.call->runner.finished()) return;
    Runner& runner = g.call->runner;
    g.call->thinking_seconds += seconds;
    if (const auto& patience = current_scenario(g).patience) {
        const double low = std::max(1.0, patience->grace) * patience_low_fraction;
        const double before = runner.silence();
        runner.wait(seconds);
        // silence() restarts at each node, so crossing the mark once per node is once per wait.
        if (before < low && runner.silence() >= low && !runner.finished()) g.cues.push_back(Cue::patience_low);
        if (runner.finished()) finish_call(g);  // walked out during the silence
    }
}

std::vector<int> visible_library(const GameState& g) {
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(g.library.size()); ++i) {
        const LibraryEntry& e = library_entry(g, i);
        if (g.skill_filter.empty()) {
            out.push_back(i);
        } else if (e.ok()) {
            const auto& sk = e.scenario().skills;
            if (std::find(sk.begin(), sk.end(), g.skill_filter) != sk.end()) out.push_back(i);
        }
    }
    return out;
}

std::vector<std::string> library_skills(const GameState& g) {
    std::vector<std::string> used;
    for (const LibraryEntry& e : g.library)
        if (e.ok())
            for (const std::string& s : e.scenario().skills)
                if (std::find(used.begin(), used.end(), s) == used.end()) used.push_back(s);
    std::vector<std::string> out;
    for (const std::string& k : known_skills())
        if (std::find(used.begin(), used.end(), k) != used.end()) out.push_back(k);
    for (const std::string& s : used)
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    return out;
}

std::optional<BestResult> best_result_for(const GameState& g, int index) {
    if (index < 0 || index >= static_cast<int>(g.library.size())) return std::nullopt;
    const LibraryEntry& e = library_entry(g, index);
    if (!e.ok()) return std::nullopt;
    if (auto it = g.results.best.find(result_key(e.scenario())); it != g.results.best.end()) return it->second;
    auto it = g.session_best.find(result_key(e.scenario()));
    if (it == g.session_best.end()) return std::nullopt;
    return it->second;
}

int next_scenario_index(const GameState& g) {
    int n = static_cast<int>(g.library.size());
    for (int step = 1; step < n; ++step) {
        int i = ((g.current < 0 ? -1 : g.current) + step) % n;
        if (library_entry(g, i).ok()) return i;
    }
    return -1;
}

double technical_percent_now(const GameState& g) {
    if (!g.call) return 0;
    return need_percent(current_bounds(g), Need::technical, g.call->runner.state().technical);
}

double personal_percent_now(const GameState& g) {
    if (!g.call) return 0;
    return need_percent(current_bounds(g), Need::personal, g.call->runner.state().personal);
}

}  // namespace frontline::game
