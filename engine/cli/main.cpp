// frontline: the game with no arguments, subcommands for the command line.
#include "commands.hpp"

#include <iostream>
#include <unistd.h>

int main(int argc, char** argv) {
    frontline::cli::Io io{std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) != 0};
    try {
        return frontline::cli::run_cli(argc, argv, io);
    } catch (const std::exception& e) {
        // Last line of defence: a bug should still say something useful, not abort.
        std::cerr << "frontline: internal error: " << e.what() << '\n';
        return 3;
    }
}
