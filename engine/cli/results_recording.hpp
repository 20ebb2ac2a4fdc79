// What `frontline play` and `frontline results` share about the results store:
// which file to use, and recording a terminal call choice by choice.
#pragma once

#include "frontline/results/store.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

namespace frontline::cli {

/// Adds `--data PATH` to the top-level app (before any subcommand).
void add_data_option(CLI::App& app);

/// The results database: a subcommand's own --data, else the top-level --data,
/// else $FRONTLINE_DATA, else the XDG data dir.
std::filesystem::path chosen_results_path(const CLI::App& root, const std::string& subcommand_data);

/// Records a terminal call as it is played. Any store failure is reported once
/// on `err` and turns recording off; the call itself always goes on.
class CallRecorder {
public:
    CallRecorder(std::filesystem::path file, std::string trainee, std::ostream& err);

    void start(const Scenario& s, const ChoiceOrder& order);
    void choice(const Scenario& s, const TranscriptEntry& entry);
    void finish(const Scenario& s, const AttemptScore& score);

    bool recording() const { return attempt_.has_value(); }
    std::optional<results::AttemptId> attempt() const { return attempt_; }
    const std::string& trainee() const { return trainee_; }
    const std::filesystem::path& file() const { return file_; }

private:
    void turn_off(const results::StoreError& error);

    std::filesystem::path file_;
    std::string trainee_;
    std::ostream& err_;
    std::optional<results::ResultsStore> store_;
    std::optional<results::AttemptId> attempt_;
};

}  // namespace frontline::cli
