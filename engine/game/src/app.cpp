// Sections: creation / settings application / frame / event loop / helpers.
#include "app.hpp"

#include "screens/screens.hpp"
#include "theme.hpp"

#include <SDL.h>
#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#endif
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <vector>

namespace frontline::game {

namespace {

double sdl_seconds() {
    static const double freq = static_cast<double>(SDL_GetPerformanceFrequency());
    return static_cast<double>(SDL_GetPerformanceCounter()) / freq;
}

constexpr int min_window_w = 960;
constexpr int min_window_h = 600;

/// The title bar and task bar icon (desktops with the .desktop file use the icon theme's).
void set_window_icon(SDL_Window* window, const std::filesystem::path& png) {
    if (png.empty()) return;
    int w = 0, h = 0, n = 0;
    unsigned char* pixels = stbi_load(png.string().c_str(), &w, &h, &n, 4);
    if (!pixels) return;
    if (SDL_Surface* icon = SDL_CreateRGBSurfaceWithFormatFrom(pixels, w, h, 32, w * 4, SDL_PIXELFORMAT_RGBA32)) {
        SDL_SetWindowIcon(window, icon);
        SDL_FreeSurface(icon);
    }
    stbi_image_free(pixels);
}

}  // namespace

std::string default_font_path() { return FRONTLINE_DEFAULT_FONT; }

std::unique_ptr<App> App::create(GameState state, const PlatformConfig& config, std::string& error) {
    std::unique_ptr<App> app(new App());
    app->game_ = std::move(state);
    app->config_ = config;
    if (!app->config_.clock) app->config_.clock = sdl_seconds;
    // A font shipped with the game (the Windows folder's DejaVu) wins over the system's.
    if (auto bundled = find_asset(config.asset_dirs, std::filesystem::path("fonts") / "DejaVuSans.ttf"); !bundled.empty())
        app->config_.font_path = bundled.string();

    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start SDL video: ") + SDL_GetError();
        return nullptr;
    }
    app->created_at_ = sdl_seconds();
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "1");
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    app->window_ = SDL_CreateWindow("Frontline", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, config.width,
                                    config.height, flags);
    if (!app->window_) {
        error = std::string("cannot create the window: ") + SDL_GetError();
        return nullptr;
    }
    SDL_SetWindowMinimumSize(app->window_, min_window_w, min_window_h);
    set_window_icon(app->window_, find_asset(config.asset_dirs, std::filesystem::path("icons") / "frontline.png"));
    // No vsync: the loop is event-driven, so frames are few; vsync would only add latency.
    // With the software renderer, present the window surface directly: SDL would
    // otherwise load OpenGL (libGL + LLVM, ~100 MB) just to copy the pixels.
    auto software_present = [] { SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT); };
    const char* wanted = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    if (wanted && SDL_strcasecmp(wanted, "software") == 0) software_present();
    app->renderer_ = SDL_CreateRenderer(app->window_, -1, SDL_RENDERER_ACCELERATED);
    if (!app->renderer_) {
        software_present();
        app->renderer_ = SDL_CreateRenderer(app->window_, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!app->renderer_) {
        error = std::string("cannot create a renderer: ") + SDL_GetError();
        return nullptr;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    app->imgui_ready_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is computed, never saved
    io.LogFilename = nullptr;
    ImGui_ImplSDL2_InitForSDLRenderer(app->window_);
    app->platform_ready_ = true;
    ImGui_ImplSDLRenderer_Init(app->renderer_);
    app->renderer_backend_ready_ = true;
    if (config.sound && !config.asset_dirs.empty()) {
        // No sound is worth a line on stderr, not a notice over the game.
        std::vector<std::string> warnings;
        app->sound_ = SoundPlayer::open(config.asset_dirs, warnings);
        for (const std::string& w : warnings) std::fprintf(stderr, "frontline: warning: %s\n", w.c_str());
#ifndef __EMSCRIPTEN__  // the browser build is single-threaded: no voice worker there
        if (app->sound_ && config.speak_lines) {
            voice::VoiceWorker::Factory make = config.voice_factory;
            if (!make) make = [](std::string& why) { return voice::make_espeak_synthesiser(why); };
            app->voice_ = std::make_unique<voice::VoiceWorker>(std::move(make));
        }
#endif
    }
    app->apply_settings();
    // A class vote's phones wake the loop from the server's threads (SDL_PushEvent is
    // thread-safe); the frame that follows reads the room (sync_phones).
    app->game_.waker->set([] {
        SDL_Event ev{};
        ev.type = SDL_USEREVENT;
        SDL_PushEvent(&ev);
    });
    return app;
}

App::~App() {
    voice_.reset();  // joins the worker (after the line in progress, if any)
    game_.waker->set({});
    stop_phones(game_);
    sound_.reset();
    if (renderer_backend_ready_) ImGui_ImplSDLRenderer_Shutdown();
    if (platform_ready_) ImGui_ImplSDL2_Shutdown();
    if (imgui_ready_) ImGui::DestroyContext();
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS);
}

void App::apply_settings() {
    const Settings& s = game_.settings;
    if (s.ui_scale_percent != applied_scale_) {
        // Fonts are rebuilt at the new pixel size (crisp text on a projector),
        // outside NewFrame/Render as ImGui requires.
        std::vector<std::string> warnings;
        build_fonts(static_cast<float>(s.ui_scale_percent) / 100.0f, config_.font_path, warnings);
        for (std::string& w : warnings) {
            std::fprintf(stderr, "frontline: warning: %s\n", w.c_str());
            if (std::find(game_.notices.begin(), game_.notices.end(), w) == game_.notices.end())
                game_.notices.push_back(std::move(w));
        }
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        ImGui_ImplSDLRenderer_CreateFontsTexture();
        ImGui::GetIO().Fonts->ClearTexData();  // the texture holds the pixels now
        applied_scale_ = s.ui_scale_percent;
    }
    apply_theme(s);
    if (s.fullscreen != applied_fullscreen_) {
        SDL_SetWindowFullscreen(window_, s.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        applied_fullscreen_ = s.fullscreen;
    }
    if (game_.settings_changed && !config_.settings_file.empty()) {
        std::string err = save_settings(config_.settings_file, s);
        if (!err.empty()) std::fprintf(stderr, "frontline: warning: settings not saved: %s\n", err.c_str());
    }
    game_.settings_changed = false;
}

bool App::frame(const std::filesystem::path* capture) {
    if (game_.settings_changed) apply_settings();
    const double dt = pass_time();

    ImGuiIO& io = ImGui::GetIO();
    if (!config_.scripted_input) {
        ImGui_ImplSDL2_NewFrame();
    } else {
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(renderer_, &w, &h);
        io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    // ImGui needs a positive step even when a test's clock stands still.
    io.DeltaTime = static_cast<float>(std::max(dt, 1e-3));
    ImGui_ImplSDLRenderer_NewFrame();

    ImGui::NewFrame();
    ui_.text_capture = text_capture_;
    Intent asked = draw_game(game_, ui_);
    ImGui::Render();

    if (!config_.rasterize && !capture) {
        ++frames_drawn_;
        last_intent_ = asked;
        game::apply(game_, asked);
        after_intent(asked);
        return true;
    }
    const Palette& p = palette();
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(p.background);
    SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(bg.x * 255), static_cast<Uint8>(bg.y * 255),
                           static_cast<Uint8>(bg.z * 255), 255);
    SDL_RenderClear(renderer_);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    bool ok = true;
    if (capture) {
        std::string err = write_png(renderer_, *capture);
        if (!err.empty()) {
            std::fprintf(stderr, "frontline: %s\n", err.c_str());
            ok = false;
        }
    }
    SDL_RenderPresent(renderer_);
    ++frames_drawn_;
    if (first_frame_ms_ < 0) first_frame_ms_ = (sdl_seconds() - created_at_) * 1000.0;

    last_intent_ = asked;
    game::apply(game_, asked);
    after_intent(asked);
    return ok;
}

void App::play_cues() {
    for (Cue c : game_.cues)
        if (sound_) sound_->play(c, game_.settings.volume_percent);
    game_.cues.clear();
    speak();
}

void App::speak() {
    if (!voice_) return;
    for (voice::SpokenLine& line : voice_->poll()) {
        if (!line.error.empty() && !voice_warned_) {
            std::fprintf(stderr, "frontline: warning: the customer's voice: %s\n", line.error.c_str());
            voice_warned_ = true;  // once: the captions carry the call anyway
        }
        if (sound_ && game_.screen == Screen::call) sound_->play_voice(line.clip, game_.settings.voice_volume_percent);
    }
    if (!game_.call || game_.screen != Screen::call || game_.current < 0) return;
    const std::vector<TranscriptEntry>& transcript = game_.call->runner.transcript();
    if (voiced_upto_ > transcript.size()) voiced_upto_ = transcript.size();
    const Scenario& s = library_entry(game_, game_.current).scenario();
    for (; voiced_upto_ < transcript.size(); ++voiced_upto_) {
        const TranscriptEntry& e = transcript[voiced_upto_];
        if (e.kind != TranscriptEntry::Kind::customer || e.node < 0) continue;
        if (game_.settings.voice_volume_percent <= 0) continue;  // muted: nothing to make
        const std::string id = voice::line_id(s, e.node, voice::line_index(s, e.node, e.text));
        voice_->request({id, e.text, voice::voice_for_mood(s.customer.voice, e.mood_after),
                         voice::find_voice_over(voice::voice_over_dir(s), id)});
    }
}

void App::after_intent(const Intent& asked) {
    // A new call, or one retried: what was still to be said belongs to the old one.
    const bool fresh = std::holds_alternative<intent::StartCall>(asked) || std::holds_alternative<intent::Retry>(asked);
    if (voice_ && (fresh || std::holds_alternative<intent::RetryFromTurn>(asked))) {
        voice_->cancel_pending();
        voiced_upto_ = 0;
        if (!fresh && game_.call) {  // from a turn: only the line the trainee is back at
            const auto& t = game_.call->runner.transcript();
            for (size_t i = t.size(); i-- > 0;)
                if (t[i].kind == TranscriptEntry::Kind::customer) {
                    voiced_upto_ = i;
                    break;
                }
        }
    }
    play_cues();
    // A new call starts with the face at its real mood, not easing from the last one.
    if (std::holds_alternative<intent::StartCall>(asked) || std::holds_alternative<intent::Retry>(asked) ||
        std::holds_alternative<intent::RetryFromTurn>(asked))
        ui_.shown_mood = -1;
}

double App::pass_time() {
    const double now = config_.clock();
    const double dt = last_time_ < 0 ? 0.0 : std::max(0.0, now - last_time_);
    last_time_ = now;
    ui_.now = now;
    advance_time(game_, dt);
    poll_scenario_file(game_, now);
    sync_phones(game_);
    return dt;
}

std::tuple<int, int, int, size_t, int, int, int> App::visible_signature() const {
    int patience_step = 0, mood = 0;
    size_t lines = 0;
    if (game_.call) {
        mood = game_.call->runner.state().mood;
        lines = game_.call->runner.transcript().size();
        const LibraryEntry& e = library_entry(game_, game_.current);
        if (e.ok() && e.scenario().patience) {
            double grace = std::max(1.0, e.scenario().patience->grace);
            patience_step = static_cast<int>(std::min(game_.call->runner.silence(), grace) / grace * 40.0);
        }
    }
    // The workshop's decision timer shows whole seconds: a new second is a visible change.
    int clock = 0;
    if (game_.screen == Screen::workshop && game_.workshop && !game_.workshop->finished())
        clock = static_cast<int>(std::ceil(game_.workshop->remaining())) * 2 + (game_.workshop->paused ? 1 : 0);
    return {static_cast<int>(game_.screen), patience_step, mood, lines, static_cast<int>(game_.paused), game_.reloads, clock};
}

int App::wake_after_ms() const {
    if (ui_.animating) return 16;
    if (voice_ && voice_->busy() > 0) return 50;  // pick the line up soon after the worker finishes it
    if (game_.screen == Screen::call && game_.call && !game_.call->runner.finished() && !game_.paused &&
        library_entry(game_, game_.current).scenario().patience)
        return 250;  // the patience bar moves and dead air is charged: four calm updates a second
    if (game_.watch && game_.current >= 0) return 250;  // poll the scenario file: a save shows within a second
    // A running decision timer on the projector: wake as its shown second turns over,
    // so it counts down untouched (and the loop still sleeps between seconds).
    if (game_.screen == Screen::workshop && game_.workshop && !game_.workshop->finished() && !game_.workshop->paused &&
        !game_.paused && !game_.workshop->just_ended() && game_.workshop->remaining() > 0) {
        const double remaining = game_.workshop->remaining();
        const double to_next = remaining - std::floor(remaining);
        return std::clamp(static_cast<int>(std::ceil((to_next > 0 ? to_next : 1.0) * 1000.0)), 20, 1000);
    }
    return -1;
}

#ifdef __EMSCRIPTEN__
namespace {
const App* web_app = nullptr;  ///< the page's one game, for frontline_web_probe()
}  // namespace
}  // namespace frontline::game

/// For the page and its tests: the screen on show and where each named clickable was
/// drawn this frame, in CSS pixels of the canvas, as JSON
/// {"screen":2,"widgets":{"choice 1":[x0,y0,x1,y1],...}}. A test clicks those places
/// with real mouse events, as a trainee would.
extern "C" EMSCRIPTEN_KEEPALIVE const char* frontline_web_probe() {
    static std::string json;
    json = "{\"screen\":-1,\"widgets\":{}}";
    const frontline::game::App* app = frontline::game::web_app;
    if (!app) return json.c_str();
    json = "{\"screen\":" + std::to_string(static_cast<int>(app->game_state().screen)) + ",\"widgets\":{";
    bool first = true;
    for (const auto& [name, r] : app->ui_state().widgets) {
        if (!first) json += ',';
        first = false;
        json += '"';
        for (char c : name) {
            if (c == '"' || c == '\\') json += '\\';
            if (static_cast<unsigned char>(c) >= 0x20) json += c;
        }
        char box[96];
        std::snprintf(box, sizeof box, "\":[%.1f,%.1f,%.1f,%.1f]", r.min.x, r.min.y, r.max.x, r.max.y);
        json += box;
    }
    json += "}}";
    return json.c_str();
}

namespace frontline::game {
#endif

void App::run() {
    frame();       // first frame at once, before looking at any event
    pending_ = 2;  // ImGui settles window sizes over the next frames
#ifdef __EMSCRIPTEN__
    web_app = this;
    // The browser owns the loop: one step per animation frame; this never returns
    // (the page's lifetime is the game's, so the App is never destroyed).
    emscripten_set_main_loop_arg([](void* self) { static_cast<App*>(self)->step(false); }, this, 0, true);
#else
    while (!game_.quit) step(true);
#endif
}

void App::step(bool wait) {
    SDL_Event ev;
    int wake = wake_after_ms();
    bool have = false;
    bool timer = false;
    if (pending_ > 0 || !wait) have = SDL_PollEvent(&ev) != 0;
    else have = SDL_WaitEventTimeout(&ev, wake < 0 ? 1000 : wake) != 0;
    if (wait) {
        timer = pending_ == 0 && !have && wake >= 0;
    } else if (pending_ == 0 && !have && wake >= 0) {
        // No sleeping in a browser: the timer fires when its interval has passed.
        const double now = config_.clock();
        timer = last_tick_ < 0 || (now - last_tick_) * 1000.0 >= wake;
        if (timer) last_tick_ = now;
    }
    while (have) {
        ImGui_ImplSDL2_ProcessEvent(&ev);
        switch (ev.type) {
            case SDL_QUIT: game_.quit = true; break;
            case SDL_WINDOWEVENT:
                if (ev.window.event == SDL_WINDOWEVENT_FOCUS_LOST || ev.window.event == SDL_WINDOWEVENT_MINIMIZED)
                    game_.paused = true;
                if (ev.window.event == SDL_WINDOWEVENT_FOCUS_GAINED || ev.window.event == SDL_WINDOWEVENT_RESTORED)
                    game_.paused = false;
                break;
            default: break;
        }
        // ImGui settles hover and click state over a couple of frames.
        pending_ = 3;
        have = SDL_PollEvent(&ev) != 0;
    }
    if (game_.quit) return;
    if (timer && pending_ == 0) {
        // Time passes every tick; pixels only when the patience bar, the
        // mood or the screen would visibly change.
        auto before = visible_signature();
        pass_time();
        play_cues();
        timer = visible_signature() != before;
    }
    if (pending_ > 0 || timer) {
        frame();
        if (pending_ > 0) --pending_;
        if (ui_.animating) pending_ = std::max(pending_, 1);
    }
}

void App::resize(int width, int height) {
    SDL_SetWindowSize(window_, width, height);
    // The dummy driver has no event pump to resize the surface for us.
    SDL_Event ev{};
    ev.type = SDL_WINDOWEVENT;
    ev.window.event = SDL_WINDOWEVENT_SIZE_CHANGED;
    ev.window.windowID = SDL_GetWindowID(window_);
    ev.window.data1 = width;
    ev.window.data2 = height;
    SDL_PushEvent(&ev);
    SDL_PumpEvents();
    while (SDL_PollEvent(&ev)) {
    }
}

std::string write_png(SDL_Renderer* renderer, const std::filesystem::path& path) {
    int w = 0, h = 0;
    if (SDL_GetRendererOutputSize(renderer, &w, &h) != 0) return std::string("cannot read frame size: ") + SDL_GetError();
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB24, pixels.data(), w * 3) != 0)
        return std::string("cannot read the frame back: ") + SDL_GetError();
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (!stbi_write_png(path.string().c_str(), w, h, 3, pixels.data(), w * 3))
        return "cannot write " + path.string();
    return {};
}

long peak_rss_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

}  // namespace frontline::game
