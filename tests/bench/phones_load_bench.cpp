// A bounded load generator for the phones' class vote: N simulated phones on
// loopback against the vote server in its own process (frontline_room_driver),
// a few turns each, then it stops by itself. Reports:
//   - vote acknowledgement time (POST /api/vote until "counted"): p50, p99, max
//   - time until the count is seen: from the last vote of a turn being sent until
//     the room's count (what the projector reads) includes every vote
//   - the server's memory per connected phone (RSS with N phones waiting in long
//     polls, minus RSS before any joined, over N)
//   - the server's CPU while N phones wait and nothing happens (idle)
// The phones join over N/25 seconds, as a class arrives; then every turn opens
// for all of them at once.
//   frontline_phones_load_bench [PHONES=100] [TURNS=5]
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

/// The room server as a child process, commanded through its stdin.
struct Driver {
    pid_t pid = -1;
    FILE* to = nullptr;
    FILE* from = nullptr;
    int port = 0;
    std::string code;

    bool start() {
        int in[2], out[2];
        if (pipe(in) != 0 || pipe(out) != 0) return false;
        pid = fork();
        if (pid == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            close(in[1]);
            close(out[0]);
            execl(FRONTLINE_ROOM_DRIVER, FRONTLINE_ROOM_DRIVER, FRONTLINE_PHONE_PAGES, static_cast<char*>(nullptr));
            _exit(127);
        }
        close(in[0]);
        close(out[1]);
        to = fdopen(in[1], "w");
        from = fdopen(out[0], "r");
        std::istringstream first(line());
        std::string word;
        first >> word >> port >> code;
        return word == "listening";
    }
    std::string line() {
        char buf[4096];
        if (!fgets(buf, sizeof buf, from)) return "";
        std::string s(buf);
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
        return s;
    }
    std::string send(const std::string& cmd) {
        fprintf(to, "%s\n", cmd.c_str());
        fflush(to);
        return line();
    }
    long rss_kib() const {
        std::ifstream status("/proc/" + std::to_string(pid) + "/status");
        std::string key;
        long value = 0;
        while (status >> key) {
            if (key == "VmRSS:") {
                status >> value;
                return value;
            }
            status.ignore(256, '\n');
        }
        return 0;
    }
    double cpu_seconds() const {
        std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), {});
        std::istringstream rest(text.substr(text.rfind(')') + 2));
        std::string field;
        unsigned long long utime = 0, stime = 0;
        for (int i = 3; i <= 15; ++i) {
            rest >> field;
            if (i == 14) utime = std::stoull(field);
            if (i == 15) stime = std::stoull(field);
        }
        return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }
    void stop() {
        if (to) {
            send("quit");
            fclose(to);
            to = nullptr;
        }
        if (pid > 0) waitpid(pid, nullptr, 0);
        if (from) fclose(from);
        from = nullptr;
    }
};

int sum_counts(const std::string& reply) {  // "ok 3 1 0"
    std::istringstream in(reply.substr(2));
    int n = 0, total = 0;
    while (in >> n) total += n;
    return total;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
    const int phones = argc > 1 ? std::max(1, std::atoi(argv[1])) : 100;
    const int turns = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const auto deadline = Clock::now() + std::chrono::seconds(120);  // stops by itself whatever happens

    Driver room;
    if (!room.start()) {
        std::cerr << "could not start " << FRONTLINE_ROOM_DRIVER << "\n";
        return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const long rss_before = room.rss_kib();

    std::mutex mutex;
    std::vector<double> ack_ms;
    std::vector<Clock::time_point> last_sent(static_cast<size_t>(turns) + 1, Clock::time_point{});
    std::atomic<int> joined{0}, failures{0}, done{0};
    std::atomic<int> vote_errors{0}, join_retries{0};

    std::vector<std::thread> threads;
    for (int p = 0; p < phones; ++p) {
        threads.emplace_back([&, p] {
            httplib::Client http("127.0.0.1", room.port);
            http.set_read_timeout(30, 0);
            http.set_keep_alive(true);
            http.set_connection_timeout(3, 0);  // as patient as a browser
            http.set_tcp_nodelay(true);         // as browsers do
            std::mt19937 rng(static_cast<unsigned>(p));
            // A class arrives over a few seconds (25 a second), not in one instant: a
            // burst beyond the room's join limit is what the limit refuses.
            std::this_thread::sleep_for(std::chrono::milliseconds(40 * p));
            std::string joined_body;
            std::string last_error;
            for (int attempt = 0; attempt < 5 && joined_body.empty(); ++attempt) {  // a person taps Join again
                auto r = http.Post("/api/join", json{{"code", room.code}}.dump(), "application/json");
                if (r && r->status == 200) {
                    joined_body = r->body;
                    break;
                }
                last_error = r ? std::to_string(r->status) : httplib::to_string(r.error());
                ++join_retries;
                std::this_thread::sleep_for(std::chrono::milliseconds(500));
            }
            if (joined_body.empty()) {
                std::lock_guard lock(mutex);
                std::fprintf(stderr, "phone %d could not join: %s\n", p, last_error.c_str());
                ++failures;
                ++done;
                return;
            }
            const std::string token = json::parse(joined_body).at("token");
            ++joined;
            uint64_t version = 0, voted_turn = 0;
            int votes = 0;
            while (votes < turns && Clock::now() < deadline) {
                auto s = http.Get(("/api/state?token=" + token + "&since=" + std::to_string(version)).c_str());
                if (!s || s->status != 200) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
                    continue;
                }
                json st = json::parse(s->body);
                version = st.at("version");
                uint64_t turn = st.at("turn");
                if (st.at("state") != "open" || turn == voted_turn) continue;
                // A person reads and taps: 0-400 ms.
                std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 400)(rng)));
                int option =
                    1 + std::uniform_int_distribution<int>(0, static_cast<int>(st.at("options").size()) - 1)(rng);
                auto t0 = Clock::now();
                auto v = http.Post("/api/vote", json{{"token", token}, {"turn", turn}, {"option", option}}.dump(),
                                   "application/json");
                double took = ms_since(t0);
                if (!v || v->status != 200) {
                    ++vote_errors;
                    continue;
                }
                std::lock_guard lock(mutex);
                ack_ms.push_back(took);
                if (turn < last_sent.size()) last_sent[turn] = std::max(last_sent[turn], t0);
                voted_turn = turn;
                ++votes;
            }
            ++done;
        });
    }
    while (joined + failures < phones && Clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // every phone in its long poll
    const long rss_waiting = room.rss_kib();
    const double cpu0 = room.cpu_seconds();
    std::this_thread::sleep_for(std::chrono::seconds(3));
    const double idle_cpu = (room.cpu_seconds() - cpu0) / 3.0;

    std::vector<double> seen_ms;
    for (int t = 1; t <= turns && Clock::now() < deadline; ++t) {
        room.send("open 4");
        // The projector's view: poll the count until every phone's vote is in it.
        while (Clock::now() < deadline && sum_counts(room.send("counts")) < joined)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        auto seen = Clock::now();
        std::lock_guard lock(mutex);
        seen_ms.push_back(std::chrono::duration<double, std::milli>(seen - last_sent[static_cast<size_t>(t)]).count());
    }
    for (auto& t : threads) t.join();
    room.stop();

    std::printf(
        "phones: %d joined (%d failed to join, %d joins tried again), %d turns, %zu votes acknowledged, %d refused\n",
        joined.load(), failures.load(), join_retries.load(), turns, ack_ms.size(), vote_errors.load());
    std::printf("vote acknowledged: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target: p99 < 100 ms)\n",
                percentile(ack_ms, 0.5), percentile(ack_ms, 0.99), percentile(ack_ms, 1.0));
    std::printf("count seen after the turn's last vote was sent: median %.1f ms, max %.1f ms (target: < 1 s)\n",
                percentile(seen_ms, 0.5), percentile(seen_ms, 1.0));
    std::printf("server memory: %ld KiB before phones, %ld KiB with %d phones waiting: %.1f KiB per phone\n",
                rss_before, rss_waiting, joined.load(),
                joined ? static_cast<double>(rss_waiting - rss_before) / joined : 0.0);
    std::printf("server CPU while %d phones wait: %.2f %% of one core\n", joined.load(), idle_cpu * 100);
    return Clock::now() < deadline && failures == 0 ? 0 : 1;
}
