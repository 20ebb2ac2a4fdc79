#include "scripted_game.hpp"

#include "frontline/analysis.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <thread>

namespace frontline::game {

std::unique_ptr<ScriptedGame> ScriptedGame::start(const GameOptions& options, int width, int height, std::string& error,
                                                  const Settings& settings, bool rasterize,
                                                  const std::string& font_path) {
    std::unique_ptr<ScriptedGame> s(new ScriptedGame());
    s->clock_ = std::make_shared<double>(0.0);
    s->real_time_ = std::make_shared<std::optional<std::chrono::steady_clock::time_point>>();
    PlatformConfig config;
    config.width = width;
    config.height = height;
    config.scripted_input = true;
    config.rasterize = rasterize;  // tests: pixels only for screenshots
    config.font_path = font_path;
    config.asset_dirs = options.asset_dirs;  // sounds: only tests that ask for them
    config.clock = [c = s->clock_, real = s->real_time_] {
        if (!*real) return *c;
        return *c + std::chrono::duration<double>(std::chrono::steady_clock::now() - **real).count();
    };
    GameState state = make_game_state(options);
    state.settings = settings;
    if (options.language) state.settings.language = *options.language;
    apply_language(state);  // as run_game does once the settings are read
    apply_interface_language(state);
    s->app_ = App::create(std::move(state), config, error);
    if (!s->app_) return nullptr;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    s->frames(2);  // ImGui lays windows out over the first frames
    return s;
}

std::string ScriptedGame::frame_text() {
    std::string text;
    app_->capture_text(&text);
    frames(1);
    app_->capture_text(nullptr);
    return text;
}

void ScriptedGame::frames(int n, double step) {
    for (int i = 0; i < n; ++i) {
        *clock_ += step;
        app_->frame();
    }
}

void ScriptedGame::read_answers() {
    frames(1);  // the turn's answers are drawn, which starts their guard
    for (int i = 0; i < 100 && app_->ui().now < app_->ui().answers_ready_at; ++i) frames(1);
}

bool ScriptedGame::has(const std::string& widget) const { return app_->ui().widgets.count(widget) != 0; }

bool ScriptedGame::click(const std::string& widget) {
    auto it = app_->ui().widgets.find(widget);
    if (it == app_->ui().widgets.end()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = it->second.center();
    frames(1);  // hover
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(1);  // the release is the click; its intent is applied this frame
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frames(1);  // the next screen draws and remembers its widgets
    return true;
}

bool ScriptedGame::scroll(const std::string& widget, float wheel) {
    auto it = app_->ui().widgets.find(widget);
    if (it == app_->ui().widgets.end()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = it->second.center();
    frames(1);  // hover first: the wheel scrolls the window under the mouse
    io.MouseWheel = wheel;
    frames(1);
    io.MouseWheel = 0;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frames(1);
    return true;
}

void ScriptedGame::press(int scancode, bool ctrl) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = ctrl;
    io.KeysDown[scancode] = true;
    frames(1);
    io.KeysDown[scancode] = false;
    io.KeyCtrl = false;
    frames(2);
}

bool ScriptedGame::type_into(const std::string& field, const std::string& text) {
    auto it = app_->ui().widgets.find(field);
    if (it == app_->ui().widgets.end()) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = it->second.center();
    frames(1);
    io.MouseDown[0] = true;
    frames(1);
    io.MouseDown[0] = false;
    frames(1);  // the field now has the keyboard
    // Ctrl+A first, as a person replacing what a field holds would.
    io.KeyCtrl = true;
    io.KeysDown[SDL_SCANCODE_A] = true;
    frames(1);
    io.KeysDown[SDL_SCANCODE_A] = false;
    io.KeyCtrl = false;
    frames(1);
    io.AddInputCharactersUTF8(text.c_str());
    frames(2);
    return true;
}

int ScriptedGame::run_loop(double seconds) {
    const int before = app_->frames_drawn();
    *real_time_ = std::chrono::steady_clock::now();
    // SDL_PushEvent is thread-safe: a quit after `seconds` ends App::run.
    std::thread stopper([seconds] {
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        SDL_Event ev{};
        ev.type = SDL_QUIT;
        SDL_PushEvent(&ev);
    });
    app_->run();
    stopper.join();
    *clock_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - **real_time_).count();
    real_time_->reset();
    app_->game().quit = false;
    return app_->frames_drawn() - before;
}

void ScriptedGame::wait(double seconds, double step) {
    double end = *clock_ + seconds;
    while (*clock_ + 1e-9 < end) frames(1, std::min(step, end - *clock_));
}

bool ScriptedGame::screenshot(const std::filesystem::path& png) {
    *clock_ += 1.0 / 30;
    return app_->frame(&png);
}

void ScriptedGame::resize(int width, int height) {
    app_->resize(width, height);
    frames(2);
}

std::vector<int> planned_path(const Scenario& s, Need need, bool worst) {
    StateGraph g = explore_states(s);
    if (g.states.empty()) return {};
    NeedPlan plan = plan_need(g, need);
    return follow_plan(g, worst ? plan.worst_edge : plan.best_edge);
}

std::vector<int> planned_path_from(const Scenario& s, const CallState& from) {
    StateGraph g = explore_states_from(s, from);
    if (g.states.empty()) return {};
    const auto plans = plan_needs(g);
    const int64_t best_t = std::max<int64_t>(1, plans[0].range.best - from.technical);
    const int64_t best_p = std::max<int64_t>(1, plans[1].range.best - from.personal);
    for (StateEdge& e : g.edges) e.technical = static_cast<int>(e.technical * best_p + e.personal * best_t);
    return follow_plan(g, plan_need(g, Need::technical).best_edge);
}

int visible_number(const Runner& r, int choice) {
    std::vector<int> v = r.presented();
    auto it = std::find(v.begin(), v.end(), choice);
    return it == v.end() ? 0 : static_cast<int>(it - v.begin()) + 1;
}

namespace {

/// The scenario the screenshots show: the cold meal if bundled, else the first that loads.
int tour_scenario(const GameState& g) {
    int first = -1;
    for (int i = 0; i < static_cast<int>(g.library.size()); ++i) {
        const LibraryEntry& e = library_entry(g, i);
        if (!e.ok()) continue;
        if (first < 0) first = i;
        if (e.scenario().id.find("cold") != std::string::npos) return i;
    }
    return first;
}

/// Plays `path` (node choice indices) on library entry `index` through apply().
void play_through(GameState& g, int index, const std::vector<int>& path) {
    apply(g, intent::OpenScenario{index});
    apply(g, intent::StartCall{Mode::coach});
    for (int choice : path)
        if (g.screen == Screen::call) apply(g, intent::Choose{visible_number(g.call->runner, choice)});
    apply(g, intent::BackToLibrary{});
}

/// A trainee with a history, in a throwaway database: on three calls, the worst
/// for the person, then the best, so the charts show a climb; then the progress screen.
bool progress_screenshot(const GameOptions& options, const std::filesystem::path& png) {
    // A folder of our own (create_directory fails on one that exists), on every platform.
    std::error_code ec;
    std::random_device random;
    std::filesystem::path folder;
    for (int attempt = 0; attempt < 100 && folder.empty(); ++attempt) {
        auto candidate = std::filesystem::temp_directory_path(ec) / ("frontline-tour-" + std::to_string(random()));
        if (!ec && std::filesystem::create_directory(candidate, ec)) folder = candidate;
    }
    if (folder.empty()) return false;
    bool ok = false;
    {
        GameOptions o = options;
        o.open_directly.reset();
        o.results_data = (folder / "results.db").string();
        std::string error;
        auto game = ScriptedGame::start(o, 1280, 720, error);
        if (game) {
            GameState& g = game->game();
            apply(g, intent::SelectTrainee{"Sam"});
            int played = 0;
            for (int i = 0; i < static_cast<int>(g.library.size()) && played < 3; ++i) {
                if (!library_entry(g, i).ok()) continue;
                const Scenario& s = library_entry(g, i).scenario();
                play_through(g, i, planned_path(s, Need::personal, true));
                play_through(g, i, planned_path(s, Need::personal));
                ++played;
            }
            apply(g, intent::OpenProgress{});
            game->frames(3);
            ok = game->screenshot(png);
        } else {
            std::fprintf(stderr, "frontline: %s\n", error.c_str());
        }
    }
    std::filesystem::remove_all(folder, ec);
    return ok;
}

/// A 3-team hot-seat workshop on a projector: Team A has played, Team B is one
/// decision in with the meters revealed; the facilitator panel and scoreboard
/// show, at a 1080p projector's size and the workshop's 150 % scale.
bool workshop_screenshot(const GameOptions& options, const std::filesystem::path& png, int index) {
    GameOptions o = options;
    o.open_directly.reset();
    std::string error;
    auto game = ScriptedGame::start(o, 1920, 1080, error);
    if (!game) return false;
    GameState& g = game->game();
    results::WorkshopRecord r;
    r.title = "Tour";
    r.style = "hot-seat";
    for (int t = 0; t < 3; ++t)
        r.teams.push_back({std::string("Team ") + static_cast<char>('A' + t), team_colors()[static_cast<size_t>(t)]});
    const Scenario& s = library_entry(g, index).scenario();
    r.queue.push_back({s.id, s.content_hash, s.title});
    apply(g, intent::StartWorkshop{r});
    if (!g.workshop) return false;
    for (int choice : planned_path(s, Need::technical, true))
        apply(g, intent::WorkshopChoose{visible_number(g.workshop->call(), choice), {}});
    apply(g, intent::WorkshopContinue{});
    std::vector<int> best = planned_path(s, Need::personal);
    if (!best.empty()) apply(g, intent::WorkshopChoose{visible_number(g.workshop->call(), best[0]), {}});
    apply(g, intent::WorkshopReveal{});
    game->wait(25, 1.0);  // the decision timer has been running
    return game->screenshot(png);
}

/// A chat in progress: two messages answered, the third arriving, at a laptop's size.
/// Skipped (true) when no bundled scenario is a chat.
bool chat_screenshot(const GameOptions& options, const std::filesystem::path& png) {
    std::string error;
    auto game = ScriptedGame::start(options, 1280, 720, error);
    if (!game) return false;
    GameState& g = game->game();
    int index = -1;
    for (int i = 0; i < static_cast<int>(g.library.size()) && index < 0; ++i)
        if (library_entry(g, i).ok() && library_entry(g, i).scenario().channel == Channel::chat) index = i;
    if (index < 0) return true;
    const std::vector<int> path = planned_path(library_entry(g, index).scenario(), Need::personal);
    // The chat may sit below the fold of a long library: open it as Enter on its card would.
    apply(g, intent::OpenScenario{index});
    game->frames(1);
    if (!game->click("start")) return false;
    for (size_t i = 0; i < std::min<size_t>(2, path.size()) && g.screen == Screen::call; ++i) {
        game->wait(2, 1.0);  // the customer's messages arrive, as a trainee would wait for them
        game->read_answers();
        if (!game->click("choice " + std::to_string(visible_number(g.call->runner, path[i])))) return false;
    }
    if (g.screen != Screen::call) return false;
    game->wait(1, 0.75);  // one message in, the next still being typed
    return game->screenshot(png);
}

/// The French tour for docs/translating.md: the library, a call two turns in, its
/// debrief and the settings, interface and scenario in French (cold-meal has a catalogue).
bool french_screenshots(const GameOptions& options, const std::filesystem::path& dir) {
    Settings fr;
    fr.language = "fr";
    std::string error;
    auto game = ScriptedGame::start(options, 1280, 720, error, fr);
    if (!game) return false;
    int index = -1;
    for (size_t i = 0; i < game->game().library.size(); ++i)
        if (game->game().library[i].ok() && game->game().library[i].scenario().id == "cold-meal")
            index = static_cast<int>(i);
    if (index < 0) return false;
    bool ok = game->screenshot(dir / "fr-library.png");
    std::vector<int> path = planned_path(game->game().library[static_cast<size_t>(index)].scenario(), Need::personal);
    for (int i = 0; i < 40 && !game->has("card " + std::to_string(index)); ++i) game->scroll("card 0", -3.0f);
    game->click("card " + std::to_string(index));
    game->click("start");
    const size_t shown_turns = std::min<size_t>(2, path.empty() ? 0 : path.size() - 1);
    for (size_t i = 0; i < path.size() && game->game().screen == Screen::call; ++i) {
        if (i == shown_turns) {
            game->frames(20);
            ok = game->screenshot(dir / "fr-call.png") && ok;
        }
        game->read_answers();
        game->click("choice " + std::to_string(visible_number(game->game().call->runner, path[i])));
    }
    if (game->game().screen != Screen::debrief) return false;
    ok = game->screenshot(dir / "fr-debrief.png") && ok;
    game->press(SDL_SCANCODE_F2);
    game->frames(2);
    return game->screenshot(dir / "fr-settings.png") && ok;
}

}  // namespace

int take_screenshots(const GameOptions& options, const std::filesystem::path& dir) {
    // Headless and bit-identical: the dummy driver and the software renderer.
    // Hints, not the environment: the same on every platform, set before SDL starts,
    // and overriding whatever the caller's environment says.
    SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "dummy", SDL_HINT_OVERRIDE);
    SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software", SDL_HINT_OVERRIDE);
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_OVERRIDE);
    GameOptions o = options;
    o.open_directly.reset();
    o.asset_dirs.clear();  // the English tour as it always was: no sounds, no interface catalogue
    // One shuffled order for every run, so the pictures regenerate the same.
    if (!o.no_shuffle && !o.choice_seed) o.choice_seed = 2026;
    std::string error;
    Settings author;  // the tour shows the author map too
    author.author_tools = true;
    auto game = ScriptedGame::start(o, 1280, 720, error, author);
    if (!game) {
        std::fprintf(stderr, "frontline: %s\n", error.c_str());
        return 1;
    }
    int index = tour_scenario(game->game());
    if (index < 0) {
        std::fprintf(stderr, "frontline: no scenario loaded, nothing to show\n");
        return 1;
    }
    bool ok = game->screenshot(dir / "library.png");

    const Scenario& s = game->game().library[static_cast<size_t>(index)].scenario();
    std::vector<int> path = planned_path(s, Need::personal);
    game->click("card " + std::to_string(index));
    game->click("start");
    // Two turns in: the conversation, the coach's feedback and the meters all show.
    size_t shown_turns = std::min<size_t>(2, path.empty() ? 0 : path.size() - 1);
    for (size_t i = 0; i < shown_turns; ++i) {
        game->read_answers();
        game->click("choice " + std::to_string(visible_number(game->game().call->runner, path[i])));
    }
    game->frames(20);  // let the face settle on the new mood
    ok = game->screenshot(dir / "call.png") && ok;
    // The author map from the same call: you are here, the best path, and the
    // playtest form for the node the call is at.
    game->press(SDL_SCANCODE_M);
    if (game->game().call && game->game().call->runner.node())
        game->click("map node " + game->game().call->runner.node()->id);
    game->frames(2);
    ok = game->screenshot(dir / "author-map.png") && ok;
    game->press(SDL_SCANCODE_ESCAPE);
    for (size_t i = shown_turns; i < path.size() && game->game().screen == Screen::call; ++i) {
        game->read_answers();
        game->click("choice " + std::to_string(visible_number(game->game().call->runner, path[i])));
    }
    if (game->game().screen != Screen::debrief) {
        std::fprintf(stderr, "frontline: the screenshot tour did not reach a debrief\n");
        return 1;
    }
    ok = game->screenshot(dir / "debrief.png") && ok;
    game.reset();  // one ImGui context at a time
    ok = progress_screenshot(o, dir / "progress.png") && ok;
    ok = workshop_screenshot(o, dir / "workshop.png", index) && ok;
    ok = chat_screenshot(o, dir / "chat.png") && ok;
    if (!options.asset_dirs.empty()) {  // the interface's translations are in the assets
        GameOptions with_assets = o;
        with_assets.asset_dirs = options.asset_dirs;
        ok = french_screenshots(with_assets, dir) && ok;
    }
    if (ok)
        std::printf("wrote library, call, author map, debrief, progress, workshop, chat and French screenshots to %s\n",
                    dir.string().c_str());
    return ok ? 0 : 1;
}

}  // namespace frontline::game
