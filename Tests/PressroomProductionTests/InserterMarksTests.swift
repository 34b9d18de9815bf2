// OMR codes sheet by sheet: benchmark and safety always, begin on a piece's first sheet, end on
// its last, the 3-bit sequence wrapping after 7, and parity making the printed count even.
import PressroomLayout
import Testing
@testable import PressroomProduction

@Test func omrCodesFollowTheSheets() {
    let marks = PostProfile.OMRSettings.Mark.allCases
    func bars(_ run: Int, _ k: Int, _ n: Int) -> [Bool] {
        InserterMarks.bars(for: marks, at: InserterMarks.SheetPosition(sheetInRun: run, sheetInPiece: k, sheetsInPiece: n, piece: 1))
    }
    for run in 1...20 {
        for (k, n) in [(1, 1), (1, 3), (2, 3), (3, 3)] {
            let code = bars(run, k, n)
            #expect(code[0] && code[7], "benchmark and safety are always printed")
            #expect(code[1] == (k == 1) && code[2] == (k == n))
            let sequence = (code[3] ? 1 : 0) + (code[4] ? 2 : 0) + (code[5] ? 4 : 0)
            #expect(sequence == run % 8)
            #expect(code.filter { $0 }.count % 2 == 0, "parity makes the count even")
        }
    }
    // A profile without parity or sequence prints only what it names, in its order.
    let short = InserterMarks.bars(for: [.benchmark, .end, .safety],
                                   at: InserterMarks.SheetPosition(sheetInRun: 5, sheetInPiece: 2, sheetsInPiece: 2, piece: 3))
    #expect(short == [true, true, true])
    #expect(InserterMarks.payload(job: "J1", position: InserterMarks.SheetPosition(sheetInRun: 9, sheetInPiece: 2, sheetsInPiece: 4, piece: 7))
            == "job=J1;piece=7;sheet=2/4")
}
