// `frontline graph FILE`: the scenario as Graphviz DOT, or SVG through `dot`.
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/reader.hpp"
#include "frontline/scenario_graph.hpp"

#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <ostream>

namespace frontline::cli {

namespace {

struct GraphCommandOptions {
    std::string file;
    std::string output;
    bool svg = false;
    bool no_best = false;
};

#ifndef _WIN32
/// `dot` on the PATH, or "" when Graphviz is not installed.
std::string find_dot() {
    const char* path = std::getenv("PATH");
    std::string_view rest = path ? path : "/usr/bin:/usr/local/bin";
    while (!rest.empty()) {
        size_t colon = rest.find(':');
        std::filesystem::path candidate = std::filesystem::path(std::string(rest.substr(0, colon))) / "dot";
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
    }
    return "";
}

/// Runs `dot -Tsvg` on `dot_text` without a shell; returns its SVG or nullopt with a message.
std::optional<std::string> render_svg(const std::string& dot, const std::string& dot_text, std::string& error) {
    auto fail = [&error](std::string message) {
        error = std::move(message);
        return std::optional<std::string>{};
    };
    int to_child[2], from_child[2];
    if (::pipe(to_child) != 0) return fail("cannot start dot: no pipe");
    if (::pipe(from_child) != 0) {
        ::close(to_child[0]);
        ::close(to_child[1]);
        return fail("cannot start dot: no pipe");
    }
    pid_t pid = ::fork();
    if (pid < 0) {
        for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) ::close(fd);
        return fail("cannot start dot: fork failed");
    }
    if (pid == 0) {
        ::dup2(to_child[0], 0);
        ::dup2(from_child[1], 1);
        ::close(to_child[1]);
        ::close(from_child[0]);
        const char* argv[] = {dot.c_str(), "-Tsvg", nullptr};
        ::execv(dot.c_str(), const_cast<char* const*>(argv));
        ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    // dot reads the whole graph before it writes anything, so writing all, then reading, cannot deadlock.
    // A dot that dies early must not take us down with SIGPIPE.
    auto previous = std::signal(SIGPIPE, SIG_IGN);
    size_t written = 0;
    while (written < dot_text.size()) {
        ssize_t n = ::write(to_child[1], dot_text.data() + written, dot_text.size() - written);
        if (n <= 0) break;
        written += static_cast<size_t>(n);
    }
    ::close(to_child[1]);
    std::signal(SIGPIPE, previous);
    std::string svg;
    char buf[65536];
    for (ssize_t n; (n = ::read(from_child[0], buf, sizeof buf)) > 0;) svg.append(buf, static_cast<size_t>(n));
    ::close(from_child[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || written < dot_text.size())
        return fail("dot failed (exit status " + std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
    return svg;
}
#endif

int run_graph(const GraphCommandOptions& opts, Io& io) {
    LoadedScenario loaded = load_scenario(opts.file);
    print_diagnostics(io.err, loaded.diagnostics);
    if (loaded.io_error) return exit_usage;
    if (!loaded.scenario) {
        io.err << "frontline graph: " << opts.file << " has errors; fix them first (see above)\n";
        return exit_errors;
    }
    DiagnosticList lint_diags(opts.file);  // the graph needs the report, not its warnings
    LintReport report = lint_scenario(*loaded.scenario, lint_diags);
    GraphOptions graph_options;
    graph_options.highlight_best = !opts.no_best;
    std::string text = scenario_dot(*loaded.scenario, report, graph_options);

    if (opts.svg) {
#ifdef _WIN32
        // Running dot without a shell is POSIX code; on Windows, Graphviz reads the DOT text.
        io.err << "frontline graph: --svg is not available on Windows; leave out --svg and render the DOT text "
                  "with Graphviz (dot -Tsvg)\n";
        return exit_usage;
#else
        std::string dot = find_dot();
        if (dot.empty()) {
            io.err << "frontline graph: --svg needs Graphviz's 'dot', which is not on the PATH; install graphviz, "
                      "or leave out --svg and render the DOT text elsewhere\n";
            return exit_usage;
        }
        std::string error;
        auto svg = render_svg(dot, text, error);
        if (!svg) {
            io.err << "frontline graph: " << error << "\n";
            return exit_errors;
        }
        text = std::move(*svg);
#endif
    }
    if (opts.output.empty() || opts.output == "-") {
        io.out << text;
        return exit_ok;
    }
    std::ofstream out(opts.output, std::ios::binary);
    if (!out || !(out << text) || !out.flush()) {
        io.err << "frontline graph: cannot write " << opts.output << "\n";
        return exit_usage;
    }
    return exit_ok;
}

}  // namespace

void add_graph_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("graph", "Draw a scenario as a Graphviz graph: nodes, endings by outcome, choices with "
                                            "their effect on both needs, the best path in blue");
    auto opts = std::make_shared<GraphCommandOptions>();
    cmd->add_option("file", opts->file, "Scenario file")->required();
    cmd->add_option("-o,--output", opts->output, "Write to this file instead of standard output");
    cmd->add_flag("--svg", opts->svg, "Render SVG with Graphviz's dot (must be installed)");
    cmd->add_flag("--no-best", opts->no_best, "Do not highlight the best path");
    cmd->callback([opts, &action] { action = [opts](Io& io) { return run_graph(*opts, io); }; });
}

}  // namespace frontline::cli
