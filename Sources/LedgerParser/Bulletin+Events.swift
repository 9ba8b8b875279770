import LedgerDomain
import LedgerFormats

extension Bulletin {
    /// The facts as events, in document order, each with its provenance; `issue.published` first.
    ///
    /// - Parameters:
    ///   - document: the SHA-256 of the document's original bytes.
    ///   - encoding: how the document was decoded, recorded with the issue.
    ///   - partial: whether the issue was accepted without its footer (`--allow-partial`).
    ///   - layout: the pages of the document's lines and the reader that made them (PDF, Word);
    ///     ``SourceLayout/text`` for a text file.
    public func events(document: SHA256Digest, encoding: String, partial: Bool, layout: SourceLayout = .text) -> [NewEvent] {
        let facts = self.facts()
        let header = NewEvent(type: EventType.issuePublished, valid: issue.through,
                              source: source(issue.provenance, document, layout),
                              payload: issuePayload(encoding: encoding, partial: partial, facts: facts.count))
        return [header] + facts.map {
            NewEvent(type: $0.type, valid: $0.valid, source: source($0.provenance, document, layout), payload: $0.payload)
        }
    }

    /// One fact as the event it becomes, before the document's hash is known.
    struct Fact {
        var type: String
        var valid: CalendarDate
        var provenance: Provenance
        var payload: JSONObject
    }

    /// The facts in event order (``events(document:encoding:partial:)`` puts `issue.published`
    /// before them): the line account names events by this order.
    func facts() -> [Fact] {
        let through = issue.through
        var facts: [Fact] = []
        func add(_ type: String, valid: CalendarDate? = nil, _ provenance: Provenance, _ payload: JSONObject) {
            facts.append(Fact(type: type, valid: valid ?? through, provenance: provenance, payload: payload))
        }
        if let window {
            add(EventType.windowCounted, window.provenance,
                (["week": .object(counts(window.week)), "yearToDate": .object(counts(window.yearToDate))] as JSONObject)
                    .withQualifiers(qualifiers(window.week, window.yearToDate)))
        }
        if let authorization { add(EventType.authorizationReported, authorization.provenance, authorizationPayload(authorization)) }
        for newly in newlyAuthorized {
            add(EventType.departmentAuthorized, newly.provenance, department(newly.department).merging(["partial": .bool(newly.partial)]))
        }
        for items in serviceItems {
            add(EventType.itemsCounted, valid: items.through, items.provenance, ([
                "category": .string(items.category.rawValue), "label": .string(items.label),
                "accepted": number(items.accepted), "completed": number(items.completed),
                "from": date(items.from), "through": .string(items.through.description),
            ] as JSONObject).withQualifiers(qualifiers(["accepted": items.accepted, "completed": items.completed].compactMapValues { $0 }, [:])))
        }
        for visit in visits {
            add(EventType.visitRecorded, valid: visit.date, visit.provenance, department(visit.department).merging([
                "date": .string(visit.date.description), "person": .string(visit.person),
                "titles": .array(visit.titles.map { .string($0) }),
            ]))
        }
        for inspection in inspections {
            add(EventType.inspectionRecorded, inspection.provenance, [
                "ordinal": .int(inspection.ordinal), "item": .string(inspection.item),
                "verdict": .string(inspection.verdict.rawValue), "text": .string(inspection.text),
            ])
        }
        for (type, notes) in [(EventType.progressReported, progress), (EventType.newsReported, news)] {
            for note in notes {
                add(type, valid: note.date, note.provenance, [
                    "section": .string(note.section), "ordinal": .int(note.ordinal), "date": date(note.date),
                    "departments": .array(note.departments.map { .string($0.canonical) }), "text": .string(note.text),
                ])
            }
        }
        for paragraph in unplaced {
            add(EventType.paragraphUnplaced, paragraph.provenance,
                ["section": paragraph.section.map { .string($0) } ?? .null, "text": .string(paragraph.text)])
        }
        return facts
    }

    /// What each part of the bulletin says its lines are, for the ``LineAccount``: the
    /// masthead, the footer, page furniture, headings, and each fact's source lines (event 0
    /// is `issue.published`, so fact `i` is event `i + 1`).
    func claims() -> [LineAccount.Claim] {
        var claims = [LineAccount.Claim(issue.provenance.lines, .masthead)]
        if let footer = issue.footer { claims.append(LineAccount.Claim(footer.lines, .footer)) }
        claims += artefactLines.map { LineAccount.Claim($0...$0, .furniture) }
        claims += headingLines.map { LineAccount.Claim($0...$0, .heading) }
        for (index, fact) in facts().enumerated() {
            claims.append(LineAccount.Claim(fact.provenance.lines, .event(index + 1)))
        }
        return claims
    }

    private func issuePayload(encoding: String, partial: Bool, facts: Int) -> JSONObject {
        var payload: JSONObject = [
            "issue": .string(issue.key), "year": .int(issue.year), "number": .int(issue.number),
            "serial": issue.serial.map { .int($0) } ?? .null, "publisher": issue.publisher.map { .string($0) } ?? .null,
            "published": .string(issue.published.description), "title": issue.title.map { .string($0) } ?? .null,
            "from": date(issue.from), "through": .string(issue.through.description),
            "printRun": issue.printRun.map { .int($0) } ?? .null,
            "distribution": .object(JSONObject(issue.distribution.map { ($0.key, .string($0.text)) })),
            "sections": .array(issue.sections.map { .string($0) }), "partial": .bool(partial),
            "artefactLines": .array(artefactLines.map { .int($0) }), "encoding": .string(encoding), "facts": .int(facts),
        ]
        // A combined issue (第5-6期) only: absent in a single issue's, as in every log before.
        if let last = issue.throughNumber { payload["throughNumber"] = .int(last) }
        if let last = issue.throughSerial { payload["throughSerial"] = .int(last) }
        return payload
    }

    private func authorizationPayload(_ status: Authorization) -> JSONObject {
        var payload: JSONObject = [
            "stationed": number(status.stationed), "authorized": number(status.authorized),
            "unauthorized": number(status.unauthorized),
            "authorizedShare": status.authorizedShare.map { .string($0) } ?? .null,
            "unauthorizedShare": status.unauthorizedShare.map { .string($0) } ?? .null,
            "increase": status.increase.map { .int($0) } ?? .null,
        ]
        // Absent when the bulletin lists no names, as in every issue before lists were read.
        if let list = status.authorizedList { payload["authorizedDepartments"] = names(list) }
        if let list = status.unauthorizedList { payload["unauthorizedDepartments"] = names(list) }
        return payload
    }

    /// Canonical names where registered, else as written (projections re-resolve them).
    private func names(_ departments: [DepartmentName]) -> JSONValue {
        .array(departments.map { .string($0.canonical) })
    }

    private func source(_ provenance: Provenance, _ document: SHA256Digest, _ layout: SourceLayout) -> SourceReference {
        SourceReference(document: document, issue: issue.key, lines: provenance.lines, pages: layout.pages(of: provenance.lines),
                        parser: BulletinParser.version, reader: layout.reader, text: provenance.text)
    }

    private func department(_ name: DepartmentName) -> JSONObject {
        ["department": .string(name.canonical), "asWritten": .string(name.asWritten), "registered": .bool(name.isRegistered)]
    }

    private func counts(_ counts: [String: Quantity]) -> JSONObject {
        JSONObject(CountsReader.windowMetrics.map { ($0.key, number(counts[$0.key])) })
    }

    /// `{"accepted": "26万余"}` for every count not written as an exact number.
    private func qualifiers(_ first: [String: Quantity], _ second: [String: Quantity]) -> JSONObject {
        var object = JSONObject()
        for (prefix, counts) in [("", first), ("yearToDate.", second)] {
            for (key, quantity) in counts.sorted(by: { $0.key < $1.key }) where quantity.qualifier != .exact {
                object[prefix + key] = .string(quantity.written)
            }
        }
        return object
    }

    private func number(_ quantity: Quantity?) -> JSONValue { quantity.map { .int($0.value) } ?? .null }

    private func date(_ date: CalendarDate?) -> JSONValue { date.map { .string($0.description) } ?? .null }
}

extension JSONObject {
    /// This object with `qualifiers` added when any count was not written as an exact number.
    func withQualifiers(_ qualifiers: JSONObject) -> JSONObject {
        qualifiers.isEmpty ? self : merging(["qualifiers": .object(qualifiers)])
    }

    /// This object with `other`'s fields added (replacing same-named ones).
    func merging(_ other: JSONObject) -> JSONObject {
        var merged = self
        for (key, value) in other.fields { merged[key] = value }
        return merged
    }
}
