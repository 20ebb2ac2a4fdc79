// libFuzzer target: the Twine importer. Each input goes through the Twee parser, the HTML
// parser and the whole import (format detection, conversion, check of the YAML it writes).
#include "frontline/twine_import.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace frontline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    {
        DiagnosticList diags("fuzz.twee");
        if (auto story = parse_twee(bytes, diags))
            for (const auto& p : story->passages) (void)twine_links(p);
    }
    {
        DiagnosticList diags("fuzz.html");
        if (auto story = parse_twine_html(bytes, diags))
            for (const auto& p : story->passages) (void)twine_links(p);
    }
    DiagnosticList diags("fuzz.twee");
    TwineImport result = import_twine(bytes, "out.yaml", diags);
    // What the importer writes is YAML the reader takes: never a file that fails to parse.
    for (const auto& d : result.check.items())
        if (d.code == codes::yaml_syntax.id || d.code == codes::binary_data.id || d.code == codes::invalid_utf8.id)
            __builtin_trap();
    return 0;
}
