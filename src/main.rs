/// mimalloc: tagging makes and drops many small strings and vectors per article on every
/// thread, where glibc's allocator spent a tenth of the instructions and its arenas made the
/// threads wait on each other (measured: see README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    dossier::cli::run()
}
