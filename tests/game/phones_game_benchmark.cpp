// The game with a room of phones waiting (not a test: the numbers depend on the
// machine). The real game headless, a class-vote workshop with phones on loopback,
// and N phones in a child process, each holding a long poll the way the phone page
// does. For 0 phones, then each N asked for:
//   - the game thread's CPU per frame (CLOCK_THREAD_CPUTIME_ID), without and with
//     software rasterising: what the projector's frames cost while the phones wait;
//   - the whole process's CPU (game, vote server and its threads) while the real loop
//     (App::run) idles for IDLE seconds with the decision timer running: long enough to
//     include the phones' long polls timing out and asking again (every 20 s).
// It stops by itself.
//   SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software build/tests/game/frontline_phones_game_benchmark [IDLE=21] [N...]
// (N defaults to 100 and 300.)
#include "scripted_game.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <SDL.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace frontline;
using namespace frontline::game;
using json = nlohmann::json;

namespace {

double process_cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// --- the phones, in a child process ----------------------------------------------
// Commands on stdin: "PORT CODE N" (have N phones in the room, each in a long
// poll; answers "ready N"), "quit". A phone re-polls as soon as an answer comes,
// like the page.

int run_phones(int in_fd, int out_fd) {
    FILE* in = fdopen(in_fd, "r");
    FILE* out = fdopen(out_fd, "w");
    std::atomic<bool> quit{false};
    std::vector<std::thread> phones;
    char line[256];
    while (std::fgets(line, sizeof line, in)) {
        int port = 0, want = 0;
        char code[16] = {};
        if (std::sscanf(line, "%d %15s %d", &port, code, &want) != 3) break;
        std::atomic<int> joined{0};
        const size_t have = phones.size();
        for (size_t i = have; i < static_cast<size_t>(want); ++i) {
            phones.emplace_back([port, code = std::string(code), &quit, &joined] {
                httplib::Client c("127.0.0.1", port);
                c.set_read_timeout(30, 0);
                std::string token;
                // Joins are rate-limited for the whole room (a class arriving): retry on 429.
                while (!quit && token.empty()) {
                    auto r = c.Post("/api/join", json{{"code", code}, {"nickname", ""}}.dump(), "application/json");
                    if (r && r->status == 200) token = json::parse(r->body).at("token");
                    else std::this_thread::sleep_for(std::chrono::milliseconds(200));
                }
                ++joined;
                uint64_t since = 0;
                while (!quit) {
                    auto r = c.Get(("/api/state?token=" + token + "&since=" + std::to_string(since)).c_str());
                    if (r && r->status == 200) since = json::parse(r->body).at("version");
                    else std::this_thread::sleep_for(std::chrono::milliseconds(500));
                }
            });
            std::this_thread::sleep_for(std::chrono::milliseconds(40));  // 25 a second, as a class arrives
        }
        while (joined.load() < want - static_cast<int>(have))
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::fprintf(out, "ready %d\n", want);
        std::fflush(out);
    }
    quit = true;
    // The long polls answer within the server's poll time (or when it stops).
    for (std::thread& t : phones) t.detach();
    std::fclose(out);
    _exit(0);
}

struct PhonesProcess {
    pid_t pid = -1;
    FILE* to = nullptr;
    FILE* from = nullptr;
    bool start() {
        int a[2], b[2];
        if (pipe(a) != 0 || pipe(b) != 0) return false;
        pid = fork();  // before SDL or any thread exists in this process
        if (pid == 0) {
            close(a[1]);
            close(b[0]);
            run_phones(a[0], b[1]);
        }
        close(a[0]);
        close(b[1]);
        to = fdopen(a[1], "w");
        from = fdopen(b[0], "r");
        return pid > 0;
    }
    bool have(int port, const std::string& code, int n) {
        std::fprintf(to, "%d %s %d\n", port, code.c_str(), n);
        std::fflush(to);
        char line[64];
        return std::fgets(line, sizeof line, from) != nullptr;
    }
    void stop() {
        if (to) std::fclose(to);
        to = nullptr;
        if (pid > 0) waitpid(pid, nullptr, 0);
        pid = -1;
    }
};

}  // namespace

int main(int argc, char** argv) {
    const double idle_seconds = argc > 1 ? std::atof(argv[1]) : 21.0;
    std::vector<int> counts = {0};
    for (int i = 2; i < argc; ++i) counts.push_back(std::atoi(argv[i]));
    if (counts.size() == 1) counts.insert(counts.end(), {100, 300});
    PhonesProcess phones;
    if (!phones.start()) {
        std::fprintf(stderr, "cannot start the phones' process\n");
        return 1;
    }

    GameOptions o;
    o.scenario_paths = {std::filesystem::path(FRONTLINE_SCENARIOS_DIR) / "cold-meal.yaml"};
    o.asset_dirs = {FRONTLINE_SOURCE_ASSETS};
    GameOptions::WorkshopStart start;
    start.style = "class-vote";
    start.phones = true;
    start.phone_bind = "127.0.0.1";
    start.decision_seconds = 3600;  // the timer runs (one redraw a second) but never runs out
    o.workshop = start;
    std::string error;
    auto game = ScriptedGame::start(o, 1280, 720, error, {}, true);
    if (!game) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    GameState& g = game->game();
    if (!g.phones || !g.phones->server) {
        std::fprintf(stderr, "phones are off: %s\n", g.phones ? g.phones->error.c_str() : "no workshop");
        return 1;
    }
    const int port = g.phones->server->port();
    std::printf("class vote with phones on 127.0.0.1:%d, 1280x720, %s video driver, idle measured over %.0f s\n", port,
                SDL_GetCurrentVideoDriver(), idle_seconds);
    std::printf(
        "| phones | game thread CPU per frame, no rasterising | with software rasterising | process CPU "
        "while idle | frames drawn while idle |\n|---|---|---|---|---|\n");
    for (int n : counts) {
        if (n > 0 && !phones.have(port, g.phones->code, n)) {
            std::fprintf(stderr, "the phones' process stopped\n");
            return 1;
        }
        for (int i = 0; i < 200 && g.phones->phones < static_cast<size_t>(n); ++i) game->frames(1);
        if (g.phones->phones != static_cast<size_t>(n)) {
            std::fprintf(stderr, "%zu phones in the room, %d expected\n", g.phones->phones, n);
            return 1;
        }
        double per_frame[2] = {0, 0};
        for (bool raster : {false, true}) {
            game->app().set_rasterize(raster);
            const int frames = raster ? 60 : 600;
            const double c0 = thread_cpu_seconds();
            game->frames(frames, 1.0 / 60);
            per_frame[raster ? 1 : 0] = (thread_cpu_seconds() - c0) * 1000.0 / frames;
        }
        game->app().set_rasterize(true);
        const double c0 = process_cpu_seconds();
        const auto w0 = std::chrono::steady_clock::now();
        const int drawn = game->run_loop(idle_seconds);
        const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        const double idle = (process_cpu_seconds() - c0) / wall * 100.0;
        std::printf("| %d | %.3f ms | %.2f ms | %.2f %% | %d in %.1f s |\n", n, per_frame[0], per_frame[1], idle, drawn,
                    wall);
        std::fflush(stdout);
    }
    game.reset();  // stops the server: the phones' long polls end
    phones.stop();
    return 0;
}
