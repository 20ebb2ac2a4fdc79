// The versioned schema: PRAGMA user_version counts applied migrations and
// PRAGMA application_id marks the file as Frontline's.
#pragma once

#include "sqlite_db.hpp"

#include <cstdint>

namespace frontline::results::detail {

/// "FrLn": tells a Frontline results database from any other SQLite file.
inline constexpr int32_t frontline_application_id = 0x46724C6E;

/// Number of migrations this build knows (= results::schema_version).
int known_schema_version();

/// Applies the missing migrations, each in its own write transaction, re-reading
/// the version under the lock so two instances opening a new file at once apply
/// each migration exactly once.
void migrate(const Connection& db);

int read_user_version(const Connection& db);
int32_t read_application_id(const Connection& db);

}  // namespace frontline::results::detail
