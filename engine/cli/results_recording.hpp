// What `frontline play` and `frontline results` share about the results store:
// which file to use, and recording a terminal call choice by choice.
#pragma once

#include "frontline/results/call_recorder.hpp"
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

/// Records a terminal call as it is played (results::CallRecorder over a store of its
/// own). Any store failure is reported once on `err` and turns recording off; the
/// call itself always goes on.
class TerminalRecorder {
public:
    TerminalRecorder(std::filesystem::path file, std::string trainee, std::ostream& err);

    void start(const Runner& call);
    void choice(const Runner& call);
    void finish(const Runner& call, const AttemptScore& score);

    /// The attempt this call is saved as (kept after it finished), or empty.
    std::optional<results::AttemptId> attempt() const { return saved_as_; }
    const std::string& trainee() const { return trainee_; }

private:
    void turn_off(const results::StoreError& error);

    std::filesystem::path file_;
    std::string trainee_;
    std::ostream& err_;
    std::optional<results::ResultsStore> store_;
    results::CallRecorder call_;
    std::optional<results::AttemptId> saved_as_;
};

}  // namespace frontline::cli
