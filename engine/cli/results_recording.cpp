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

CallRecorder::CallRecorder(std::filesystem::path file, std::string trainee, std::ostream& err)
    : file_(std::move(file)), trainee_(std::move(trainee)), err_(err) {}

void CallRecorder::turn_off(const results::StoreError& error) {
    err_ << "frontline play: results are off for this call: " << error.message << '\n';
    attempt_.reset();
    store_.reset();
}

void CallRecorder::start(const Scenario& s, const ChoiceOrder& order) {
    auto opened = results::ResultsStore::open(file_);
    if (!opened) {
        turn_off(opened.error());
        return;
    }
    store_.emplace(std::move(*opened));
    auto id = store_->start_attempt(trainee_, s, results::AttemptMode::practice, "terminal", order);
    if (!id) {
        turn_off(id.error());
        return;
    }
    attempt_ = *id;
}

void CallRecorder::choice(const Scenario& s, const TranscriptEntry& entry) {
    if (!attempt_) return;
    if (auto saved = store_->record_choice(*attempt_, s, entry); !saved) turn_off(saved.error());
}

void CallRecorder::finish(const Scenario& s, const AttemptScore& score) {
    if (!attempt_) return;
    if (auto saved = store_->finish_attempt(*attempt_, s, score); !saved) turn_off(saved.error());
}

}  // namespace frontline::cli
