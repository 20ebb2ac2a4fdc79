// `frontline import STORY -o scenario.yaml`: a Twine story (Twee 3, or Twine 2
// archive/published HTML) as a scenario that passes `frontline check`.
#include "commands.hpp"
#include "terminal.hpp"

#include "frontline/twine_import.hpp"

#include <fstream>
#include <ostream>

namespace frontline::cli {

namespace {

struct ImportOptions {
    std::string input;
    std::string output;
    bool force = false;
};

/// Published stories carry their story format's code, so they may be much bigger than a scenario.
constexpr size_t max_story_bytes = 32 * 1024 * 1024;

int run_import(const ImportOptions& opts, Io& io) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(opts.input, ec)) {
        io.err << "frontline import: " << opts.input << ": no such file\n";
        return exit_usage;
    }
    if (std::filesystem::file_size(opts.input, ec) > max_story_bytes) {
        io.err << "frontline import: " << opts.input << ": larger than " << max_story_bytes / (1024 * 1024) << " MiB\n";
        return exit_usage;
    }
    const bool to_stdout = opts.output.empty() || opts.output == "-";
    if (!to_stdout && !opts.force && std::filesystem::exists(opts.output, ec)) {
        io.err << "frontline import: " << opts.output << " already exists; use --force to replace it\n";
        return exit_usage;
    }
    std::ifstream in(opts.input, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
        io.err << "frontline import: cannot read " << opts.input << "\n";
        return exit_usage;
    }

    DiagnosticList diags(opts.input);
    TwineImport result = import_twine(bytes, to_stdout ? "<stdout>" : opts.output, diags);
    print_diagnostics(io.err, diags);
    if (result.yaml.empty()) {
        io.err << "frontline import: nothing written; fix the problems above\n";
        return exit_errors;
    }
    print_diagnostics(io.err, result.check);
    if (result.check.has_errors()) {
        io.err << "frontline import: the converted scenario does not pass check; nothing written\n";
        return exit_errors;
    }
    if (to_stdout) {
        io.out << result.yaml;
    } else {
        std::ofstream out(opts.output, std::ios::binary);
        if (!out || !(out << result.yaml) || !out.flush()) {
            io.err << "frontline import: cannot write " << opts.output << "\n";
            return exit_usage;
        }
    }
    (to_stdout ? io.err : io.out) << "imported " << count(result.nodes, "node", "nodes") << ", " << count(result.endings, "ending", "endings")
                                  << " and " << count(result.choices, "choice", "choices") << (to_stdout ? "" : " into " + opts.output)
                                  << "; next: describe the needs, add points and feedback, then run frontline lint\n";
    return exit_ok;
}

}  // namespace

void add_import_command(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("import", "Convert a Twine story (Twee 3 .twee, or Twine 2 .html archive or published story) "
                                             "into a scenario that passes check");
    auto opts = std::make_shared<ImportOptions>();
    cmd->add_option("story", opts->input, "The .twee or .html file")->required();
    cmd->add_option("-o,--output", opts->output, "The scenario file to write (standard output when left out)");
    cmd->add_flag("--force", opts->force, "Replace the output file if it exists");
    cmd->callback([opts, &action] { action = [opts](Io& io) { return run_import(*opts, io); }; });
}

}  // namespace frontline::cli
