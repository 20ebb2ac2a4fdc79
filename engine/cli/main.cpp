// frontline: the game with no arguments, subcommands for the command line.
//
// On Windows the same program is built twice: frontline.exe (GUI subsystem: a
// double-click opens the game without a console window) and frontline.com (console
// subsystem: a command typed in cmd or PowerShell finds it first, by PATHEXT, and
// the shell waits for it, with its output, input and exit code). frontline.exe run
// from a console with a command still prints there, by attaching to that console.
#include "commands.hpp"

#include <cstdio>
#include <iostream>
#include <unistd.h>

#if defined(_WIN32) && defined(FRONTLINE_GUI_SUBSYSTEM)
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

namespace {

bool usable(DWORD which) {
    HANDLE h = GetStdHandle(which);
    return h != nullptr && h != INVALID_HANDLE_VALUE && GetFileType(h) != FILE_TYPE_UNKNOWN;
}

/// A GUI-subsystem program starts with no console. Given a command, it borrows the
/// console it was run from; streams the caller redirected (to a file, a pipe) stay so.
void use_parent_console() {
    const bool out = usable(STD_OUTPUT_HANDLE), err = usable(STD_ERROR_HANDLE), in = usable(STD_INPUT_HANDLE);
    if (out && err) return;
    if (!AttachConsole(ATTACH_PARENT_PROCESS)) return;  // double-clicked: nowhere to print
    if (!out) (void)std::freopen("CONOUT$", "w", stdout);
    if (!err) (void)std::freopen("CONOUT$", "w", stderr);
    if (!in) (void)std::freopen("CONIN$", "r", stdin);
    std::cout.clear();
    std::cerr.clear();
    std::cin.clear();
}

}  // namespace
#endif

int main(int argc, char** argv) {
#if defined(_WIN32) && defined(FRONTLINE_GUI_SUBSYSTEM)
    if (argc > 1) use_parent_console();
#endif
    frontline::cli::Io io{std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) != 0};
    try {
        return frontline::cli::run_cli(argc, argv, io);
    } catch (const std::exception& e) {
        // Last line of defence: a bug should still say something useful, not abort.
        std::cerr << "frontline: internal error: " << e.what() << '\n';
        return 3;
    }
}
