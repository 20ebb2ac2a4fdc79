// Results that are never lost: a killed process, a damaged or foreign file, a
// read-only folder, a lock held elsewhere and two writers at once. Each bad
// file must be reported by path and left byte for byte as it was.
#include "fixtures.hpp"

#include <cstdio>

#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using namespace frontline;
using namespace frontline::results;
using namespace frontline::results::testing;

namespace {

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
}

/// Runs SQL on a file with the plain SQLite API, as another program would.
void sqlite_exec(const std::filesystem::path& p, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(p.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

/// A store with one finished and one unfinished attempt, closed again.
void make_store_with_data(const std::filesystem::path& file) {
    auto store = ResultsStore::open(file);
    REQUIRE(store.ok());
    record_call(*store, "Ana", bundled("cold-meal"), best_script(bundled("cold-meal")));
    REQUIRE(store->start_attempt("Ana", bundled("cold-meal").scenario, AttemptMode::practice, "terminal").ok());
}

}  // namespace

SCENARIO("a file that is not a results database is reported and never written") {
    TempDir dir;
    GIVEN("a text file where the database should be") {
        std::string text;
        for (int i = 0; i < 200; ++i) text += "these are the facilitator's notes, not a database\n";
        write_bytes(dir.db(), text);
        THEN("opening says the path and that it is damaged, and the bytes stay the same") {
            auto store = ResultsStore::open(dir.db());
            REQUIRE_FALSE(store.ok());
            CHECK(store.error().kind == StoreError::Kind::corrupt);
            CHECK(store.error().message.find(dir.db().string()) != std::string::npos);
            CHECK(store.error().message.find("left as it is") != std::string::npos);
            CHECK(file_bytes(dir.db()) == text);
            CHECK_FALSE(std::filesystem::exists(dir.path() / "results.db-wal"));
        }
    }
    GIVEN("a results database with a damaged page") {
        make_store_with_data(dir.db());
        std::string bytes = file_bytes(dir.db());
        REQUIRE(bytes.size() >= 4 * 4096);
        // Page 3 onwards holds tables and indexes: scribble over its b-tree header and cells.
        for (size_t i = 2 * 4096; i < 2 * 4096 + 600; ++i) bytes[i] = static_cast<char>(0xA5 ^ (i & 0xFF));
        write_bytes(dir.db(), bytes);
        THEN("opening reports it as damaged and leaves it as it is") {
            auto store = ResultsStore::open(dir.db());
            REQUIRE_FALSE(store.ok());
            CHECK(store.error().kind == StoreError::Kind::corrupt);
            CHECK(store.error().message.find(dir.db().string()) != std::string::npos);
            CHECK(file_bytes(dir.db()) == bytes);
        }
    }
    GIVEN("another program's SQLite database") {
        sqlite_exec(dir.db(), "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES(1, 9.5);");
        const std::string before = file_bytes(dir.db());
        THEN("it is refused as not ours and not migrated") {
            auto store = ResultsStore::open(dir.db());
            REQUIRE_FALSE(store.ok());
            CHECK(store.error().kind == StoreError::Kind::not_ours);
            CHECK(file_bytes(dir.db()) == before);
        }
    }
    GIVEN("a results database from a newer Frontline") {
        make_store_with_data(dir.db());
        sqlite_exec(dir.db(), "PRAGMA user_version = 99");
        const std::string before = file_bytes(dir.db());
        THEN("it is refused as too new and left alone") {
            auto store = ResultsStore::open(dir.db());
            REQUIRE_FALSE(store.ok());
            CHECK(store.error().kind == StoreError::Kind::too_new);
            CHECK(store.error().message.find("newer Frontline") != std::string::npos);
            CHECK(file_bytes(dir.db()) == before);
        }
    }
}

SCENARIO("a lock held by another program gives a clear error, and the store works once it is released") {
    TempDir dir;
    make_store_with_data(dir.db());
    auto store = ResultsStore::open(dir.db(), ResultsStore::Access::read_write, std::chrono::milliseconds(200));
    REQUIRE(store.ok());
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(dir.db().c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    const Fixture& f = bundled("cold-meal");
    auto blocked = store->start_attempt("Ben", f.scenario, AttemptMode::practice, "game");
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().kind == StoreError::Kind::locked);
    CHECK(blocked.error().message.find(dir.db().string()) != std::string::npos);
    REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    CHECK(store->start_attempt("Ben", f.scenario, AttemptMode::practice, "game").ok());
}

namespace {

/// In a forked child: drops root (which ignores file permissions) to `nobody`,
/// opens the store and reports "kind|attempts-or-message" on the pipe.
std::string open_as_nobody(const std::filesystem::path& file, ResultsStore::Access access) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(3);
        std::string report;
        auto store = ResultsStore::open(file, access);
        if (store.ok()) {
            auto a = store->attempts();
            report = "ok|" + (a.ok() ? std::to_string(a->size()) : a.error().message);
        } else {
            report = std::to_string(static_cast<int>(store.error().kind)) + "|" + store.error().message;
        }
        ssize_t written = write(fds[1], report.data(), report.size());
        _exit(written == static_cast<ssize_t>(report.size()) ? 0 : 4);
    }
    close(fds[1]);
    std::string out;
    char buf[512];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return out;
}

std::string kind_code(StoreError::Kind k) { return std::to_string(static_cast<int>(k)) + "|"; }

}  // namespace

SCENARIO("a read-only data folder turns results off with a clear message") {
    TempDir dir;
    // mkdtemp makes the folder owner-only; `nobody` must be able to reach the data folder inside.
    std::filesystem::permissions(dir.path(), std::filesystem::perms::others_exec | std::filesystem::perms::group_exec,
                                 std::filesystem::perm_options::add);
    const auto data = dir.path() / "data";
    std::filesystem::create_directory(data);
    GIVEN("an empty read-only folder") {
        std::filesystem::permissions(data, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
                                               std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
        THEN("opening for recording fails as read-only and creates nothing") {
            const std::string r = open_as_nobody(data / "results.db", ResultsStore::Access::read_write);
            CHECK(r.rfind(kind_code(StoreError::Kind::read_only), 0) == 0);
            CHECK(r.find((data / "results.db").string()) != std::string::npos);
            CHECK_FALSE(std::filesystem::exists(data / "results.db"));
        }
    }
    GIVEN("a folder with results, made read-only") {
        make_store_with_data(data / "results.db");
        const std::string before = file_bytes(data / "results.db");
        std::filesystem::permissions(data, std::filesystem::perms::others_write | std::filesystem::perms::group_write |
                                               std::filesystem::perms::owner_write,
                                     std::filesystem::perm_options::remove);
        THEN("recording is refused as read-only and the file is unchanged") {
            const std::string r = open_as_nobody(data / "results.db", ResultsStore::Access::read_write);
            CHECK(r.rfind(kind_code(StoreError::Kind::read_only), 0) == 0);
            CHECK(file_bytes(data / "results.db") == before);
        }
        THEN("reading (list, export) still works") {
            const std::string r = open_as_nobody(data / "results.db", ResultsStore::Access::read_only);
            CHECK(r == "ok|2");
        }
    }
}

namespace {

/// One writer process: records `calls` whole calls choice by choice. Returns the exit code.
int write_calls(const std::filesystem::path& file, const std::string& trainee, int calls) {
    auto store = ResultsStore::open(file);
    if (!store.ok()) {
        std::fprintf(stderr, "open failed: %s\n", store.error().message.c_str());
        return 10;
    }
    const Fixture& f = bundled("cold-meal");
    for (int c = 0; c < calls; ++c) {
        auto id = store->start_attempt(trainee, f.scenario, AttemptMode::workshop, "game");
        if (!id.ok()) return 11;
        Runner run(f.scenario);
        for (int number : best_script(f)) {
            run.choose_visible(number, 1.0);
            if (!store->record_choice(*id, f.scenario, last_choice(run)).ok()) return 12;
        }
        if (!store->finish_attempt(*id, f.scenario, score_attempt(f.scenario, f.bounds, run)).ok()) return 13;
    }
    return 0;
}

}  // namespace

SCENARIO("two instances writing at once both succeed") {
    TempDir dir;
    const size_t turns = best_script(bundled("cold-meal")).size();  // loaded before forking, so both start at once
    constexpr int calls = 25;
    GIVEN("two processes recording calls into the same new file") {
        pid_t pids[2];
        const char* names[2] = {"Ana", "Ben"};
        for (int i = 0; i < 2; ++i) {
            pids[i] = fork();
            REQUIRE(pids[i] >= 0);
            if (pids[i] == 0) _exit(write_calls(dir.db(), names[i], calls));
        }
        int statuses[2];
        for (int i = 0; i < 2; ++i) waitpid(pids[i], &statuses[i], 0);
        THEN("both exit cleanly and every attempt and choice is there") {
            for (int status : statuses) {
                REQUIRE(WIFEXITED(status));
                CHECK(WEXITSTATUS(status) == 0);
            }
            auto store = ResultsStore::open(dir.db(), ResultsStore::Access::read_only);
            REQUIRE(store.ok());
            auto details = store->attempt_details();
            REQUIRE(details.ok());
            CHECK(details->size() == 2 * calls);
            for (const AttemptDetail& d : *details) {
                CHECK(d.summary.finished());
                CHECK(d.choices.size() == turns);
            }
        }
    }
}

SCENARIO("kill -9 in the middle of a call loses nothing already chosen") {
    TempDir dir;
    GIVEN("`frontline play` reading choices from a pipe, recording for Kim") {
        int to_child[2];
        REQUIRE(pipe(to_child) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
        posix_spawn_file_actions_addclose(&actions, to_child[1]);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        const std::string exe = FRONTLINE_EXE;
        const std::string scenario = std::string(FRONTLINE_SCENARIOS_DIR) + "/cold-meal.yaml";
        const std::string data = dir.db().string();
        std::vector<std::string> args = {exe, "play", scenario, "--trainee", "Kim", "--data", data};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        pid_t pid = 0;
        REQUIRE(posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ) == 0);
        posix_spawn_file_actions_destroy(&actions);
        close(to_child[0]);

        // Waits until the store shows `n` choices for Kim's attempt (the child commits each).
        const auto wait_for_choices = [&](int n) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
            while (std::chrono::steady_clock::now() < deadline) {
                if (auto store = ResultsStore::open(dir.db(), ResultsStore::Access::read_only); store.ok())
                    if (auto open = store->unfinished_attempts("Kim"); open.ok() && !open->empty() && open->front().choices == n)
                        return true;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            return false;
        };
        WHEN("two choices are typed and the process is killed with SIGKILL while waiting for the third") {
            REQUIRE(write(to_child[1], "1\n", 2) == 2);
            REQUIRE(wait_for_choices(1));
            REQUIRE(write(to_child[1], "1\n", 2) == 2);
            REQUIRE(wait_for_choices(2));
            REQUIRE(kill(pid, SIGKILL) == 0);
            int status = 0;
            REQUIRE(waitpid(pid, &status, 0) == pid);
            close(to_child[1]);
            REQUIRE(WIFSIGNALED(status));
            REQUIRE(WTERMSIG(status) == SIGKILL);
            THEN("the store opens cleanly with both choices in an unfinished attempt that can be resumed") {
                auto store = ResultsStore::open(dir.db());
                REQUIRE(store.ok());
                auto open = store->unfinished_attempts("Kim");
                REQUIRE(open.ok());
                REQUIRE(open->size() == 1);
                auto d = store->attempt(open->front().id);
                REQUIRE(d.ok());
                REQUIRE(d->choices.size() == 2);
                CHECK(d->choices[0].turn == 0);
                CHECK(d->choices[1].turn == 1);
                CHECK_FALSE(d->summary.finished());
                const Fixture& f = bundled("cold-meal");
                CHECK(d->summary.content_hash == f.scenario.content_hash);
                Runner resumed = replay(f.scenario, d->path());
                CHECK(resumed.path().size() == 2);
                CHECK_FALSE(resumed.finished());
            }
        }
    }
}
