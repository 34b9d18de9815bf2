// A record's objects as DataObject: members in their order, equal in any order, a repeated key
// keeping its first place and its last value, and the rows of a list sharing one key array.
import Foundation
import Testing
@testable import PressroomLayout

@Test func objectsKeepTheirOrderAndAreEqualInAnyOrder() throws {
    let object = try DataValue.parseJSON(Array(#"{"b": 1, "a": "x", "c": null}"#.utf8))
    guard case .object(let members) = object else { Issue.record("not an object: \(object)"); return }
    #expect(members.keys == ["b", "a", "c"])
    #expect(members["a"] == .string("x") && members["c"] == .null && members["d"] == nil)
    #expect(object == .object(["c": .null, "a": .string("x"), "b": .number(1)]))
    #expect(object != .object(["c": .null, "a": .string("y"), "b": .number(1)]))
}

@Test func aRepeatedKeyKeepsItsPlaceAndItsLastValue() throws {
    let object = try DataValue.parseJSON(Array(#"{"a": 1, "b": 2, "a": 3}"#.utf8))
    guard case .object(let members) = object else { Issue.record("not an object: \(object)"); return }
    #expect(members.keys == ["a", "b"] && members["a"] == .number(3))
}

@Test func theRowsOfAListShareOneKeyArray() throws {
    let rows = try DataValue.parseJSON(Array(#"[{"date": "2026-01-01", "amount": "1.00"}, {"date": "2026-01-02", "amount": "2.00"}]"#.utf8))
    guard case .array(let items) = rows, case .object(let first)? = items.first, case .object(let second)? = items.last else {
        Issue.record("not a list of objects: \(rows)")
        return
    }
    let addresses = [first, second].map { $0.keys.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
    #expect(addresses[0] == addresses[1], "the second row's keys are the first row's array")
    #expect(second["amount"] == .string("2.00"))
}

@Test func largeObjectsAreFoundByIndexAndEditedInPlace() {
    var object = DataObject(keys: (0..<40).map { "k\($0)" }, values: (0..<40).map { .number(Decimal($0)) })
    #expect(object["k37"] == .number(37))
    object["k37"] = .string("changed")
    object["new"] = .bool(true)
    object["k0"] = nil
    #expect(object["k37"] == .string("changed") && object["new"] == .bool(true) && object["k0"] == nil && object.count == 40)
}
