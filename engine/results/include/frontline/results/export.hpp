// Exports of stored attempts: CSV for spreadsheets, xAPI 1.0.3 statements for a
// Learning Record Store. Both read AttemptDetail only, never the scenario files,
// so an export is the same whether or not the scenario is still installed.
// Columns and statement shapes are documented in docs/results.md.
#pragma once

#include "frontline/results/records.hpp"

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace frontline::results {

// --- CSV -----------------------------------------------------------------------

/// Column names of the attempt rows, in order.
const std::vector<std::string>& attempt_csv_columns();
/// Column names of the choice rows, in order.
const std::vector<std::string>& choice_csv_columns();

/// One CSV field: RFC 4180 quoting, and text starting with = + - @ tab or CR gets
/// a leading apostrophe so a spreadsheet shows it instead of running it as a formula.
std::string csv_text_field(std::string_view text);

/// One row per attempt (header first), UTF-8 with a byte-order mark, CRLF lines.
void write_attempts_csv(std::ostream& out, const std::vector<AttemptDetail>& attempts);
/// One row per choice (header first), same format.
void write_choices_csv(std::ostream& out, const std::vector<AttemptDetail>& attempts);

// --- xAPI ----------------------------------------------------------------------

struct XapiOptions {
    /// Activity ids and extension keys are IRIs under this base. Set it to a URL
    /// the organisation controls; the default is a reserved example domain.
    std::string iri_base = "https://frontline.example/xapi";
    /// actor.account.homePage: the system the trainee names belong to.
    std::string account_homepage = "https://frontline.example";
    /// Language tag for names and descriptions.
    std::string language = "en";
};

/// One statement: its id and its JSON text (one line).
struct XapiStatement {
    std::string id;
    std::string json;
};

/// The statements of one attempt, in time order: attempted, one answered per
/// choice, then completed and passed or failed once the attempt is finished.
std::vector<XapiStatement> xapi_statements(const AttemptDetail& attempt, const XapiOptions& options = {});

/// "PT1M5.25S": an ISO 8601 duration for xAPI's result.duration (hundredths of a second).
std::string iso8601_duration(double seconds);

}  // namespace frontline::results
