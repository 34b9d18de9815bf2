// Every open tab gets every update: two subscribers both receive what is published (starting
// with the latest state), and a tab that goes away is forgotten.
import Testing
@testable import PressroomPreview

@Suite struct PreviewBroadcasterTests {
    @Test func everySubscriberGetsTheLatestStateAndEveryUpdate() async {
        let broadcaster = PreviewBroadcaster()
        broadcaster.publish("v1")
        let first = broadcaster.subscribe(), second = broadcaster.subscribe()
        broadcaster.publish("v2")
        var one = first.makeAsyncIterator(), two = second.makeAsyncIterator()
        #expect(await one.next() == "v1")
        #expect(await one.next() == "v2")
        #expect(await two.next() == "v1")
        #expect(await two.next() == "v2")
        #expect(broadcaster.subscriberCount == 2)
    }

    @Test func aClosedTabIsForgotten() async {
        let broadcaster = PreviewBroadcaster()
        let task = Task {
            for await _ in broadcaster.subscribe() {}
        }
        while broadcaster.subscriberCount == 0 { await Task.yield() }
        task.cancel()
        await task.value
        #expect(broadcaster.subscriberCount == 0)
    }
}
