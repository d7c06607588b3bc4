import ServiceLifecycle

/// Rebuilds after each batch of changes the watcher reports, until the server shuts down.
struct RebuildService: Service {
    let changes: AsyncStream<Set<String>>
    let rebuilder: Rebuilder

    func run() async {
        for await batch in changes.cancelOnGracefulShutdown() {
            await rebuilder.rebuild(after: batch)
        }
    }
}
