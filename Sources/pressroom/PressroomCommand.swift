// The `pressroom` command line.
import ArgumentParser

@main
struct Pressroom: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pressroom: documents from data, for screen and press.",
        subcommands: [RenderCommand.self, WatchCommand.self, ProofCommand.self, SamplesCommand.self, ImposeCommand.self, BatchCommand.self, SendCommand.self, DNSCommand.self, CheckEmailCommand.self, HandoffCommand.self, WebhooksCommand.self, ServeCommand.self, WorkerCommand.self, KeysCommand.self, BenchPeerCommand.self, BenchQueueCommand.self,
                      SpecimenCommand.self])
}
