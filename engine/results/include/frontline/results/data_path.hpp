// Where the results database lives when nobody says otherwise.
#pragma once

#include <filesystem>
#include <string>

namespace frontline::results {

/// Name of the environment variable that overrides the database path.
inline constexpr const char* data_env_var = "FRONTLINE_DATA";

/// The database path: `explicit_path` if given, else $FRONTLINE_DATA, else
/// %LOCALAPPDATA%\Frontline\results.db on Windows, else $XDG_DATA_HOME/frontline/results.db, else ~/.local/share/frontline/results.db.
/// A path naming an existing folder means results.db inside it.
std::filesystem::path results_path(const std::string& explicit_path = {});

}  // namespace frontline::results
