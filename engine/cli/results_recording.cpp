#include "results_recording.hpp"

#include "frontline/results/data_path.hpp"

#include <ostream>

namespace frontline::cli {

void add_data_option(CLI::App& app) {
    app.add_option("--data", "Results database file or folder (default $FRONTLINE_DATA, else ~/.local/share/frontline/results.db)");
}

std::filesystem::path chosen_results_path(const CLI::App& root, const std::string& subcommand_data) {
    std::string chosen = subcommand_data;
    if (chosen.empty()) {
        // The top-level option exists only when run_cli added it (tests may build other apps).
        if (const CLI::Option* top = root.get_option_no_throw("--data"); top && top->count() > 0)
            chosen = top->as<std::string>();
    }
    return results::results_path(chosen);
}

TerminalRecorder::TerminalRecorder(std::filesystem::path file, std::string trainee, std::ostream& err)
    : file_(std::move(file)), trainee_(std::move(trainee)), err_(err) {}

void TerminalRecorder::turn_off(const results::StoreError& error) {
    err_ << "frontline play: results are off for this call: " << error.message << '\n';
    call_.stop();
    saved_as_.reset();
    store_.reset();
}

void TerminalRecorder::start(const Runner& call) {
    auto opened = results::ResultsStore::open(file_);
    if (!opened) return turn_off(opened.error());
    store_.emplace(std::move(*opened));
    if (auto started = call_.start(*store_, trainee_, results::AttemptMode::practice, "terminal", call); !started)
        return turn_off(started.error());
    saved_as_ = call_.attempt();
}

void TerminalRecorder::choice(const Runner& call) {
    if (!store_) return;
    if (auto saved = call_.choice(*store_, call); !saved) turn_off(saved.error());
}

void TerminalRecorder::finish(const Runner& call, const AttemptScore& score) {
    if (!store_) return;
    if (auto saved = call_.finish(*store_, call, score); !saved) turn_off(saved.error());
}

}  // namespace frontline::cli
