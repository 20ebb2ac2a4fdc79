// Budgets on hostile input: writes a generated set of hostile files (scenarios, a
// walkthrough, Twine stories) to a temporary folder, then checks, lints or imports each
// in a child process and reports its CPU time, wall time and peak RSS. Target: every file
// the size limits let in is checked or imported in under 2 s and 256 MB (Release), or
// refused with a diagnostic within that; CPU time is what is judged, so a busy machine
// does not fail the bench.
//   frontline_hostile_bench [--keep] [--only NAME] [--limit-mb N] [--timeout S]
// Each child runs under an address-space limit (default 4096 MB) and a CPU timeout
// (default 120 s), so a file that blows the budget is reported, not left to swap the machine.
#include "frontline/lint.hpp"
#include "frontline/reader.hpp"
#include "frontline/twine_import.hpp"
#include "frontline/walkthrough_reader.hpp"

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace frontline;

namespace {

// --- the hostile set ---------------------------------------------------------------

const std::string header =
    "id: hostile\ntitle: Hostile\nsummary: A generated hostile file.\n"
    "customer: {name: Sam, mood: 50}\nneeds: {technical: t, personal: p}\n";

/// `count` choices whose `next` names nothing (each a distinct name, none close to another).
std::string dangling_next(int count) {
    std::string y = header + "start: n0\nnodes:\n  n0:\n    customer: Hello.\n    choices:\n";
    for (int i = 0; i < count; ++i) y += "      - {say: a, next: nowhere" + std::to_string(i) + "}\n";
    y += "      - {say: b, next: done}\n  ";
    // As many nodes, so every unknown name has many candidates to be compared with.
    for (int i = 0; i < count; ++i)
        y += "\n  node" + std::to_string(i) + ": {customer: x, choices: [{say: s, next: done}]}";
    return y + "\nendings:\n  done: {outcome: neutral, text: Done.}\n";
}

/// `count` `set:` keys on variables nobody declared, with as many declared ones.
std::string undeclared_sets(int count) {
    std::string y = header + "vars:\n";
    for (int i = 0; i < count; ++i) y += "  declared_" + std::to_string(i) + ": 0\n";
    y += "start: n0\nnodes:\n  n0:\n    customer: Hello.\n    choices:\n      - say: a\n        next: done\n        "
         "set:\n";
    for (int i = 0; i < count; ++i) y += "          missing_" + std::to_string(i) + ": 1\n";
    return y + "endings:\n  done: {outcome: neutral, text: Done.}\n";
}

/// `booleans` variables (read by an `if` when `read` is true) and a counter a loop raises without bound.
std::string many_variables(int booleans, bool read) {
    std::string y = header + "vars:\n  count: 0\n";
    for (int i = 0; i < booleans; ++i) y += "  b" + std::to_string(i) + ": false\n";
    y += "start: n0\nnodes:\n  n0:\n    customer: Hello.\n    choices:\n"
         "      - {say: again, set: {count: count + 1}, next: n0}\n"
         "      - {say: flip, if: count > 2, set: {b0: true}, next: n0}\n";
    if (read)
        for (int i = 1; i < booleans; ++i)
            y += "      - {say: s" + std::to_string(i) + ", if: b" + std::to_string(i - 1) + ", set: {b" +
                 std::to_string(i) + ": true}, next: n0}\n";
    return y + "      - {say: bye, next: done}\nendings:\n  done: {outcome: neutral, text: Done.}\n";
}

/// One flow sequence filling the file up to just under the size limit.
std::string flow_sequence() {
    std::string y = header + "extra: [";
    while (y.size() < max_scenario_bytes - 64) y += "1,";
    return y + "1]\n";
}

/// `count` anchors, each aliased once.
std::string anchors(int count) {
    std::string y = header + "extra:\n";
    for (int i = 0; i < count; ++i) y += "  - &a" + std::to_string(i) + " x\n  - *a" + std::to_string(i) + "\n";
    return y;
}

std::string utf16_scenario() {
    std::string text = header + "start: n0\n", out = "\xFF\xFE";
    for (char c : text) {
        out += c;
        out += '\0';
    }
    return out;
}

/// A walkthrough file that is one long flow sequence of steps.
std::string walkthrough_flow() {
    std::string y = "tests:\n  - name: long\n    choices: [";
    while (y.size() < max_scenario_bytes - 64) y += "1,";
    return y + "1]\n";
}

/// A Twee story whose start passage links to `count` passages that do not exist, next to `count` that do.
std::string twee_broken_links(int count) {
    std::string t = ":: StoryTitle\nHostile\n\n:: Start\nHello.\n";
    for (int i = 0; i < count; ++i) t += "[[Go " + std::to_string(i) + "->Missing " + std::to_string(i) + "]]\n";
    t += "[[End]]\n\n:: End\nBye.\n";
    for (int i = 0; i < count; ++i) t += "\n:: Passage " + std::to_string(i) + "\nText [[End]]\n";
    return t;
}

std::string html_broken_links(int count) {
    std::string h =
        "<tw-storydata name=\"Hostile\" startnode=\"1\">\n<tw-passagedata pid=\"1\" name=\"Start\">Hello.\n";
    for (int i = 0; i < count; ++i) h += "[[Go " + std::to_string(i) + "-&gt;Missing " + std::to_string(i) + "]]\n";
    h += "[[End]]</tw-passagedata>\n<tw-passagedata pid=\"2\" name=\"End\">Bye.</tw-passagedata>\n";
    for (int i = 0; i < count; ++i)
        h += "<tw-passagedata pid=\"" + std::to_string(i + 3) + "\" name=\"Passage " + std::to_string(i) +
             "\">Text [[End]]</tw-passagedata>\n";
    return h + "</tw-storydata>\n";
}

enum class Kind { check, lint, walkthrough, import };

struct HostileFile {
    std::string name;
    Kind kind;
    std::function<std::string()> make;
};

const std::vector<HostileFile>& hostile_set() {
    static const std::vector<HostileFile> set = {
        {"next-names-nothing-16k.yaml", Kind::check, [] { return dangling_next(16'000); }},
        {"next-names-nothing-64k.yaml", Kind::check, [] { return dangling_next(64'000); }},
        {"set-undeclared-16k.yaml", Kind::check, [] { return undeclared_sets(16'000); }},
        {"unused-booleans-400.yaml", Kind::check, [] { return many_variables(400, false); }},
        {"unused-booleans-400.yaml", Kind::lint, [] { return many_variables(400, false); }},
        {"unused-booleans-4000.yaml", Kind::check, [] { return many_variables(4'000, false); }},
        {"read-booleans-4000.yaml", Kind::check, [] { return many_variables(4'000, true); }},
        {"read-booleans-4000.yaml", Kind::lint, [] { return many_variables(4'000, true); }},
        {"flow-sequence-4mib.yaml", Kind::check, flow_sequence},
        {"anchors-50k.yaml", Kind::check, [] { return anchors(50'000); }},
        {"utf16.yaml", Kind::check, utf16_scenario},
        {"flow-steps-4mib.test.yaml", Kind::walkthrough, walkthrough_flow},
        {"broken-links-32k.twee", Kind::import, [] { return twee_broken_links(32'000); }},
        {"broken-links-32k.html", Kind::import, [] { return html_broken_links(32'000); }},
    };
    return set;
}

// --- running one file in a child ------------------------------------------------------

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// What the child prints: the first diagnostic's code and the count.
std::string summary(const DiagnosticList& d) {
    if (d.items().empty()) return "no diagnostics";
    std::map<std::string, int> by_code;
    for (const auto& item : d.items()) ++by_code[item.code];
    std::string out;
    for (const auto& [code, n] : by_code) out += (out.empty() ? "" : " ") + code + "x" + std::to_string(n);
    return out;
}

std::string run(const HostileFile& f, const fs::path& path) {
    switch (f.kind) {
        case Kind::check: return summary(load_scenario(path).diagnostics);
        case Kind::lint: {
            LoadedScenario loaded = load_scenario(path);
            if (!loaded.scenario) return "not checked: " + summary(loaded.diagnostics);
            DiagnosticList diags(path.string());
            lint_scenario(*loaded.scenario, diags);
            return summary(diags);
        }
        case Kind::walkthrough: {
            DiagnosticList diags(path.string());
            load_walkthroughs(path, diags);
            return summary(diags);
        }
        case Kind::import: {
            DiagnosticList diags(path.string());
            TwineImport result = import_twine(read_file(path), "out.yaml", diags);
            return summary(diags) + "; check: " + summary(result.check);
        }
    }
    return {};
}

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::check: return "check";
        case Kind::lint: return "lint";
        case Kind::walkthrough: return "walkthrough";
        case Kind::import: return "import";
    }
    return "";
}

}  // namespace

int main(int argc, char** argv) {
    bool keep = false;
    std::string only;
    long limit_mb = 4096, timeout_s = 120;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--keep") keep = true;
        else if (a == "--only" && i + 1 < argc) only = argv[++i];
        else if (a == "--limit-mb" && i + 1 < argc) limit_mb = std::stol(argv[++i]);
        else if (a == "--timeout" && i + 1 < argc) timeout_s = std::stol(argv[++i]);
        else {
            std::fprintf(stderr,
                         "usage: frontline_hostile_bench [--keep] [--only NAME] [--limit-mb N] [--timeout S]\n");
            return 2;
        }
    }
    fs::path dir = fs::temp_directory_path() / ("frontline-hostile-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::printf("hostile set in %s (child limits: %ld MB address space, %ld s CPU)\n", dir.c_str(), limit_mb,
                timeout_s);
    // The budget is judged on CPU time (user + system), which other work on the machine
    // does not inflate; wall time is shown beside it.
    std::printf("%-28s %-11s %9s %8s %8s %8s  %s\n", "file", "pass", "KiB", "cpu s", "wall s", "peak MB", "result");
    int over = 0;
    for (const auto& f : hostile_set()) {
        if (!only.empty() && f.name.find(only) == std::string::npos) continue;
        const fs::path path = dir / f.name;
        if (!fs::exists(path)) std::ofstream(path, std::ios::binary) << f.make();
        int pipe_fd[2];
        if (pipe(pipe_fd) != 0) return 1;
        std::fflush(stdout);
        const auto start = std::chrono::steady_clock::now();
        pid_t child = fork();
        if (child == 0) {
            close(pipe_fd[0]);
            rlimit as{static_cast<rlim_t>(limit_mb) << 20, static_cast<rlim_t>(limit_mb) << 20};
            setrlimit(RLIMIT_AS, &as);
            rlimit cpu{static_cast<rlim_t>(timeout_s), static_cast<rlim_t>(timeout_s)};
            setrlimit(RLIMIT_CPU, &cpu);
            std::string result = run(f, path);
            if (write(pipe_fd[1], result.data(), result.size()) < 0) _exit(3);
            _exit(0);
        }
        close(pipe_fd[1]);
        std::string result;
        char buf[4096];
        for (ssize_t n; (n = read(pipe_fd[0], buf, sizeof buf)) > 0;) result.append(buf, static_cast<size_t>(n));
        close(pipe_fd[0]);
        int status = 0;
        rusage usage{};
        wait4(child, &status, 0, &usage);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
        const double cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                                   static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        if (WIFSIGNALED(status)) result = std::string("died: ") + strsignal(WTERMSIG(status));
        else if (WEXITSTATUS(status) != 0) result = "exit " + std::to_string(WEXITSTATUS(status));
        const bool within = WIFEXITED(status) && WEXITSTATUS(status) == 0 && cpu_seconds < 2.0 && peak_mb < 256.0;
        if (!within) ++over;
        std::printf("%-28s %-11s %9ju %8.2f %8.2f %8.1f  %s%s\n", f.name.c_str(), kind_name(f.kind),
                    static_cast<uintmax_t>(fs::file_size(path) / 1024), cpu_seconds, seconds, peak_mb,
                    within ? "" : "OVER BUDGET: ", result.c_str());
    }
    if (!keep) fs::remove_all(dir);
    std::printf("%d over the budget of 2 s of CPU and 256 MB\n", over);
    return over == 0 ? 0 : 1;
}
