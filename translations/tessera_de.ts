<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CoreText</name>
    <message>
        <source>the plan is not valid (%1 problem):</source>
        <translation>der Plan ist nicht gültig (%1 Problem):</translation>
    </message>
    <message>
        <source>the plan is not valid (%1 problems):</source>
        <translation>der Plan ist nicht gültig (%1 Probleme):</translation>
    </message>
    <message>
        <source>stage %1 (%2):</source>
        <translation>Stufe %1 (%2):</translation>
    </message>
    <message>
        <source>stage %1:</source>
        <translation>Stufe %1:</translation>
    </message>
    <message>
        <source>node %1:</source>
        <translation>Knoten %1:</translation>
    </message>
    <message>
        <source>cluster:</source>
        <translation>Cluster:</translation>
    </message>
    <message>
        <source>device #%1 is not in the cluster (it has %2 devices)</source>
        <translation>Gerät #%1 ist nicht im Cluster (er hat %2 Geräte)</translation>
    </message>
    <message>
        <source>needs %1 device assignment(s), has %2</source>
        <translation>braucht %1 Gerätezuordnung(en), hat %2</translation>
    </message>
    <message>
        <source>row/column cuts, data reuse and work stealing belong to tile stages only</source>
        <translation>Zeilen-/Spaltenschnitte, Datenwiederverwendung und Work-Stealing gibt es nur in Kachelstufen</translation>
    </message>
    <message>
        <source>channel cuts belong to lop and lip stages only</source>
        <translation>Kanalschnitte gibt es nur in LOP- und LIP-Stufen</translation>
    </message>
    <message>
        <source>only lip stages have a reducer</source>
        <translation>nur LIP-Stufen haben ein Reduktionsgerät</translation>
    </message>
    <message>
        <source>node %1 feeds &apos;%2&apos; to nodes outside the stage; end the stage there or take those nodes in</source>
        <translation>Knoten %1 liefert &apos;%2&apos; an Knoten außerhalb der Stufe; beenden Sie die Stufe dort oder nehmen Sie diese Knoten hinein</translation>
    </message>
    <message>
        <source>row cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>Zeilenschnitte [%1] müssen streng steigen und in (0, %2) liegen</translation>
    </message>
    <message>
        <source>column cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>Spaltenschnitte [%1] müssen streng steigen und in (0, %2) liegen</translation>
    </message>
    <message>
        <source>channel cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>Kanalschnitte [%1] müssen streng steigen und in (0, %2) liegen</translation>
    </message>
    <message>
        <source>input channel cuts [%1] must be strictly increasing and inside (0, %2)</source>
        <translation>Eingangskanalschnitte [%1] müssen streng steigen und in (0, %2) liegen</translation>
    </message>
    <message>
        <source>the reducer device #%1 is not in the cluster</source>
        <translation>das Reduktionsgerät #%1 ist nicht im Cluster</translation>
    </message>
    <message>
        <source>the model has no nodes, the plan has %1 stages</source>
        <translation>das Modell hat keine Knoten, der Plan hat %1 Stufen</translation>
    </message>
    <message>
        <source>node range #%1..#%2 is not inside the model&apos;s %3 nodes</source>
        <translation>der Knotenbereich #%1..#%2 liegt nicht in den %3 Knoten des Modells</translation>
    </message>
    <message>
        <source>starts at %1, after its last node %2; swap them</source>
        <translation>beginnt bei %1, nach ihrem letzten Knoten %2; vertauschen Sie die beiden</translation>
    </message>
    <message>
        <source>nodes %1 belong to no stage</source>
        <translation>die Knoten %1 gehören zu keiner Stufe</translation>
    </message>
    <message>
        <source>overlaps the stage before it (stages must be in node order)</source>
        <translation>überlappt die Stufe davor (Stufen müssen der Knotenreihenfolge folgen)</translation>
    </message>
    <message>
        <source>the stage&apos;s node range is not inside the model</source>
        <translation>der Knotenbereich der Stufe liegt nicht im Modell</translation>
    </message>
    <message>
        <source>%1 with more than one output cannot be tiled</source>
        <translation>%1 mit mehr als einer Ausgabe kann nicht in Kacheln geteilt werden</translation>
    </message>
    <message>
        <source>tiles need 4-D (N,C,H,W) values; its output is %1-D</source>
        <translation>Kacheln brauchen 4-D-Werte (N,C,H,W); seine Ausgabe ist %1-D</translation>
    </message>
    <message>
        <source>AveragePool with both count_include_pad and ceil_mode cannot be tiled exactly</source>
        <translation>AveragePool mit count_include_pad und ceil_mode zugleich lässt sich nicht exakt in Kacheln teilen</translation>
    </message>
    <message>
        <source>only a Concat along channels (axis 1) can be tiled</source>
        <translation>nur ein Concat entlang der Kanäle (Achse 1) kann in Kacheln geteilt werden</translation>
    </message>
    <message>
        <source>%1 is not spatially local (tile blocks take Conv, MaxPool, AveragePool, activations, BatchNormalization, element-wise arithmetic, LRN and channel Concat)</source>
        <translation>%1 ist nicht räumlich lokal (Kachelblöcke nehmen Conv, MaxPool, AveragePool, Aktivierungen, BatchNormalization, elementweise Arithmetik, LRN und Kanal-Concat)</translation>
    </message>
    <message>
        <source>%1 with more than one output cannot be split by channels</source>
        <translation>%1 mit mehr als einer Ausgabe kann nicht nach Kanälen aufgeteilt werden</translation>
    </message>
    <message>
        <source>its output has no channel axis</source>
        <translation>seine Ausgabe hat keine Kanalachse</translation>
    </message>
    <message>
        <source>Softmax normalises across channels, so every slice needs all of them</source>
        <translation>Softmax normiert über die Kanäle, also braucht jeder Abschnitt alle</translation>
    </message>
    <message>
        <source>only Flatten(axis=1) of a 4-D value can be split by channels</source>
        <translation>nur Flatten(axis=1) eines 4-D-Werts kann nach Kanälen aufgeteilt werden</translation>
    </message>
    <message>
        <source>only a MatMul with a 2-D right-hand side can be split by output features</source>
        <translation>nur ein MatMul mit 2-D-rechter Seite kann nach Ausgabemerkmalen aufgeteilt werden</translation>
    </message>
    <message>
        <source>%1 mixes channels in a way a channel slice cannot follow</source>
        <translation>%1 mischt Kanäle so, dass ein Kanalabschnitt nicht folgen kann</translation>
    </message>
    <message>
        <source>a grouped Conv cannot be split by input channels (use LOP)</source>
        <translation>ein gruppiertes Conv kann nicht nach Eingangskanälen aufgeteilt werden (LOP verwenden)</translation>
    </message>
    <message>
        <source>the Conv&apos;s weights must be constants</source>
        <translation>die Gewichte des Conv müssen Konstanten sein</translation>
    </message>
    <message>
        <source>a Gemm with transA cannot be split by input features</source>
        <translation>ein Gemm mit transA kann nicht nach Eingangsmerkmalen aufgeteilt werden</translation>
    </message>
    <message>
        <source>the Gemm&apos;s weights must be constants</source>
        <translation>die Gewichte des Gemm müssen Konstanten sein</translation>
    </message>
    <message>
        <source>a Gemm with beta != 1 cannot be split by input features</source>
        <translation>ein Gemm mit beta != 1 kann nicht nach Eingangsmerkmalen aufgeteilt werden</translation>
    </message>
    <message>
        <source>only a 2-D MatMul with constant 2-D weights can be split by input features</source>
        <translation>nur ein 2-D-MatMul mit konstanten 2-D-Gewichten kann nach Eingangsmerkmalen aufgeteilt werden</translation>
    </message>
    <message>
        <source>LIP splits the input channels of a Conv, Gemm or MatMul; the stage starts with %1</source>
        <translation>LIP teilt die Eingangskanäle eines Conv, Gemm oder MatMul auf; die Stufe beginnt mit %1</translation>
    </message>
    <message>
        <source>device &apos;%1&apos; needs %2, %3 over its budget of %4</source>
        <translation>Gerät &apos;%1&apos; braucht %2, %3 über seinem Budget von %4</translation>
    </message>
    <message>
        <source>the cluster has no devices</source>
        <translation>der Cluster hat keine Geräte</translation>
    </message>
    <message>
        <source>device %1:</source>
        <translation>Gerät %1:</translation>
    </message>
    <message>
        <source>has no name</source>
        <translation>hat keinen Namen</translation>
    </message>
    <message>
        <source>the name is used twice</source>
        <translation>der Name wird zweimal verwendet</translation>
    </message>
    <message>
        <source>memory budget must be positive</source>
        <translation>das Speicherbudget muss positiv sein</translation>
    </message>
    <message>
        <source>threads must be at least 1</source>
        <translation>die Zahl der Threads muss mindestens 1 sein</translation>
    </message>
    <message>
        <source>speeds (macs_per_second, bytes_per_second) must be positive</source>
        <translation>die Geschwindigkeiten (macs_per_second, bytes_per_second) müssen positiv sein</translation>
    </message>
    <message>
        <source>link bandwidth must be positive and latency not negative</source>
        <translation>die Verbindungsbandbreite muss positiv und die Latenz nicht negativ sein</translation>
    </message>
    <message>
        <source>node overhead cannot be negative</source>
        <translation>der Knoten-Overhead darf nicht negativ sein</translation>
    </message>
    <message>
        <source>runtime overhead cannot be negative</source>
        <translation>der Laufzeit-Overhead darf nicht negativ sein</translation>
    </message>
    <message>
        <source>the gateway #%1 is not one of the devices</source>
        <translation>das Gateway #%1 ist keines der Geräte</translation>
    </message>
    <message>
        <source>a shared medium needs a positive medium bandwidth</source>
        <translation>ein geteiltes Medium braucht eine positive Medienbandbreite</translation>
    </message>
    <message>
        <source>the cluster is not valid (%1 problem):</source>
        <translation>der Cluster ist nicht gültig (%1 Problem):</translation>
    </message>
    <message>
        <source>the cluster is not valid (%1 problems):</source>
        <translation>der Cluster ist nicht gültig (%1 Probleme):</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (valid keys: %2)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; (gültige Schlüssel: %2)</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>Zeichenkette erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>ganze Zahl erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>Zahl erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected true or false, found %1</source>
        <translation>true oder false erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a number or a string such as &quot;%1&quot;, found %2</source>
        <translation>Zahl oder Zeichenkette wie &quot;%1&quot; erwartet, gefunden: %2</translation>
    </message>
    <message>
        <source>expected an object (user, port, key_file, ...), found %1</source>
        <translation>Objekt erwartet (user, port, key_file, ...), gefunden: %1</translation>
    </message>
    <message>
        <source>expected a port between 1 and 65535, found %1</source>
        <translation>Port zwischen 1 und 65535 erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>must not be empty (leave it out for the default &quot;.tessera&quot;)</source>
        <translation>darf nicht leer sein (für die Vorgabe &quot;.tessera&quot; weglassen)</translation>
    </message>
    <message>
        <source>expected an object describing a device, found %1</source>
        <translation>Objekt erwartet, das ein Gerät beschreibt, gefunden: %1</translation>
    </message>
    <message>
        <source>unknown preset &apos;%1&apos; (presets: %2)</source>
        <translation>unbekannte Vorlage &apos;%1&apos; (Vorlagen: %2)</translation>
    </message>
    <message>
        <source>missing &quot;name&quot;</source>
        <translation>&quot;name&quot; fehlt</translation>
    </message>
    <message>
        <source>not a Tessera cluster file (&quot;format&quot; is &quot;%1&quot;)</source>
        <translation>keine Tessera-Clusterdatei (&quot;format&quot; ist &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>not a Tessera cluster file (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>keine Tessera-Clusterdatei (kein &quot;format&quot;: &quot;%1&quot;)</translation>
    </message>
    <message>
        <source>missing (cluster files have &quot;version&quot;: %1)</source>
        <translation>fehlt (Clusterdateien haben &quot;version&quot;: %1)</translation>
    </message>
    <message>
        <source>expected a whole number of at least 1, found %1</source>
        <translation>ganze Zahl ab 1 erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>written by a newer Tessera (cluster format version %1; this version reads up to %2) — update Tessera</source>
        <translation>von einem neueren Tessera geschrieben (Clusterformat-Version %1; diese Version liest bis %2) — aktualisieren Sie Tessera</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>Objekt erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>missing &quot;devices&quot;</source>
        <translation>&quot;devices&quot; fehlt</translation>
    </message>
    <message>
        <source>expected an array of devices, found %1</source>
        <translation>Liste von Geräten erwartet, gefunden: %1</translation>
    </message>
    <message>
        <source>no device named &apos;%1&apos; (devices: %2)</source>
        <translation>kein Gerät namens &apos;%1&apos; (Geräte: %2)</translation>
    </message>
    <message>
        <source>not valid JSON (byte %1): %2</source>
        <translation>kein gültiges JSON (Byte %1): %2</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>cannot open for reading: %1</source>
        <translation>kann nicht zum Lesen geöffnet werden: %1</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>Lesefehler</translation>
    </message>
    <message>
        <source>cannot write: %1</source>
        <translation>kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>write failed: %1 (disk full?)</source>
        <translation>Schreiben fehlgeschlagen: %1 (Datenträger voll?)</translation>
    </message>
    <message>
        <source>cannot replace the file: %1</source>
        <translation>die Datei kann nicht ersetzt werden: %1</translation>
    </message>
    <message>
        <source>model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>is a directory, not a model file</source>
        <translation>ist ein Ordner, keine Modelldatei</translation>
    </message>
    <message>
        <source>cannot open file (does it exist and is it readable?)</source>
        <translation>Datei kann nicht geöffnet werden (existiert sie und ist sie lesbar?)</translation>
    </message>
    <message>
        <source>cannot read the file size</source>
        <translation>die Dateigröße kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>contains no graph nodes (truncated file, or not an ONNX model?)</source>
        <translation>enthält keine Graphknoten (abgeschnittene Datei oder kein ONNX-Modell?)</translation>
    </message>
    <message>
        <source>not a valid ONNX file (protobuf decoding failed: the file is truncated, corrupt, or not ONNX)</source>
        <translation>keine gültige ONNX-Datei (Protobuf-Dekodierung fehlgeschlagen: die Datei ist abgeschnitten, beschädigt oder kein ONNX)</translation>
    </message>
    <message>
        <source>no opset_import for the default ONNX domain</source>
        <translation>kein opset_import für die Standard-ONNX-Domäne</translation>
    </message>
    <message>
        <source>opset %1 is newer than the ONNX library Tessera uses supports (up to %2); re-export the model with a lower opset</source>
        <translation>Opset %1 ist neuer, als die von Tessera verwendete ONNX-Bibliothek unterstützt (bis %2); exportieren Sie das Modell mit einem niedrigeren Opset neu</translation>
    </message>
    <message>
        <source>rejected by the ONNX checker: %1</source>
        <translation>vom ONNX-Prüfer abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 node(s) use operators Tessera does not support: %2. Supported operators: %3</source>
        <translation>%1 Knoten verwenden Operatoren, die Tessera nicht unterstützt: %2. Unterstützte Operatoren: %3</translation>
    </message>
    <message>
        <source>could not determine a static shape for %1; check --input-shape or simplify the model</source>
        <translation>für %1 ließ sich keine statische Form bestimmen; prüfen Sie --input-shape oder vereinfachen Sie das Modell</translation>
    </message>
    <message>
        <source>ONNX shape inference failed: %1</source>
        <translation>ONNX-Forminferenz fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>dynamic input shape could not be resolved for %1: give the shape with --input-shape, e.g. --input-shape %2</source>
        <translation>die dynamische Eingabeform von %1 ließ sich nicht auflösen: geben Sie die Form mit --input-shape an, z. B. --input-shape %2</translation>
    </message>
    <message>
        <source>no input named &apos;%1&apos; (inputs: %2)</source>
        <translation>keine Eingabe namens &apos;%1&apos; (Eingaben: %2)</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has rank %2, the given shape %3 has rank %4</source>
        <translation>Eingabe &apos;%1&apos; hat Rang %2, die angegebene Form %3 hat Rang %4</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has fixed dimension %2 = %3, the given shape says %4</source>
        <translation>Eingabe &apos;%1&apos; hat die feste Dimension %2 = %3, die angegebene Form sagt %4</translation>
    </message>
    <message>
        <source>the model has %1 inputs: give each shape as NAME:D1,D2,...</source>
        <translation>das Modell hat %1 Eingaben: geben Sie jede Form als NAME:D1,D2,... an</translation>
    </message>
    <message>
        <source>import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has a negative dimension</source>
        <translation>Tensor &apos;%1&apos; hat eine negative Dimension</translation>
    </message>
    <message>
        <source>no choice of stages fits the memory budgets</source>
        <translation>keine Wahl der Stufen passt in die Speicherbudgets</translation>
    </message>
    <message>
        <source>no plan fits the memory budgets</source>
        <translation>kein Plan passt in die Speicherbudgets</translation>
    </message>
    <message>
        <source>no plan fits the memory budgets and the memory cap of %1</source>
        <translation>kein Plan passt in die Speicherbudgets und die Speichergrenze von %1</translation>
    </message>
    <message>
        <source>even the plan closest to fitting needs %1 on %2 (budget %3)</source>
        <translation>selbst der am nächsten passende Plan braucht %1 auf %2 (Budget %3)</translation>
    </message>
    <message>
        <source>even the plan closest to fitting needs %1 on %2 (memory cap %3, budget %4)</source>
        <translation>selbst der am nächsten passende Plan braucht %1 auf %2 (Speichergrenze %3, Budget %4)</translation>
    </message>
    <message>
        <source>even the plan closest to fitting needs %1 on each of %2 (budget %3)</source>
        <translation>selbst der am nächsten passende Plan braucht %1 auf jedem von %2 (Budget %3)</translation>
    </message>
    <message>
        <source>the closest plan found needs %1 on %2 (budget %3)</source>
        <translation>der am nächsten passende gefundene Plan braucht %1 auf %2 (Budget %3)</translation>
    </message>
    <message>
        <source>the closest plan found needs %1 on each of %2 (budget %3)</source>
        <translation>der am nächsten passende gefundene Plan braucht %1 auf jedem von %2 (Budget %3)</translation>
    </message>
    <message>
        <source>%1 on %2 (budget %3)</source>
        <translation>%1 auf %2 (Budget %3)</translation>
    </message>
    <message>
        <source>%1 on each of %2 (budget %3)</source>
        <translation>%1 auf jedem von %2 (Budget %3)</translation>
    </message>
    <message>
        <source>weights of %1 %2</source>
        <translation>Gewichte von %1 %2</translation>
    </message>
    <message>
        <source>arena of %1 %2</source>
        <translation>Arena von %1 %2</translation>
    </message>
    <message>
        <source>runtime overhead %1</source>
        <translation>Laufzeit-Overhead %1</translation>
    </message>
    <message>
        <source>no plan found within the budgets after %1 solves (each lowering the budgets of the devices the last plan overloaded)</source>
        <translation>nach %1 Lösungsläufen kein Plan innerhalb der Budgets gefunden (jeder senkte die Budgets der Geräte, die der letzte Plan überlastete)</translation>
    </message>
    <message>
        <source>the dynamic program needs a chain-structured model; this one has branches or skip connections: use the integer program</source>
        <translation>das dynamische Programm braucht ein kettenförmiges Modell; dieses hat Verzweigungen oder Skip-Verbindungen: verwenden Sie das ganzzahlige Programm</translation>
    </message>
    <message>
        <source>the dynamic program needs a chain: some stage reads a value from further back than the stage before it (use the integer program)</source>
        <translation>das dynamische Programm braucht eine Kette: eine Stufe liest einen Wert von weiter vorn als der Stufe davor (verwenden Sie das ganzzahlige Programm)</translation>
    </message>
    <message>
        <source>too many choices to enumerate (%1)</source>
        <translation>zu viele Möglichkeiten zum Aufzählen (%1)</translation>
    </message>
    <message>
        <source>optimization cancelled</source>
        <translation>Optimierung abgebrochen</translation>
    </message>
    <message>
        <source>cancelled before any plan was found</source>
        <translation>abgebrochen, bevor ein Plan gefunden wurde</translation>
    </message>
    <message>
        <source>cancelled before the search started</source>
        <translation>abgebrochen, bevor die Suche begann</translation>
    </message>
    <message>
        <source>cancelled while measuring candidate stages</source>
        <translation>beim Messen der Kandidatenstufen abgebrochen</translation>
    </message>
    <message>
        <source>the time limit (%1) ran out before any plan was found</source>
        <translation>das Zeitlimit (%1) lief ab, bevor ein Plan gefunden wurde</translation>
    </message>
    <message>
        <source>the search stopped before it found a plan within the limits</source>
        <translation>die Suche endete, bevor sie einen Plan innerhalb der Grenzen fand</translation>
    </message>
    <message>
        <source>no plan exists: no option covers unit %1</source>
        <translation>es gibt keinen Plan: keine Option deckt die Einheit %1 ab</translation>
    </message>
    <message>
        <source>measuring candidate stages</source>
        <translation>Kandidatenstufen werden gemessen</translation>
    </message>
    <message>
        <source>branch and bound: no plan yet</source>
        <translation>Branch and Bound: noch kein Plan</translation>
    </message>
    <message>
        <source>branch and bound: no plan yet, bound %1</source>
        <translation>Branch and Bound: noch kein Plan, Schranke %1</translation>
    </message>
    <message>
        <source>branch and bound: best %1</source>
        <translation>Branch and Bound: bester %1</translation>
    </message>
    <message>
        <source>branch and bound: best %1, bound %2 (gap %3)</source>
        <translation>Branch and Bound: bester %1, Schranke %2 (Lücke %3)</translation>
    </message>
    <message>
        <source>optimal</source>
        <translation>optimal</translation>
    </message>
    <message>
        <source>not improved</source>
        <translation>nicht verbessert</translation>
    </message>
    <message>
        <source>time limit: %1</source>
        <translation>Zeitlimit: %1</translation>
    </message>
    <message>
        <source>cancelled: %1</source>
        <translation>abgebrochen: %1</translation>
    </message>
    <message>
        <source>cannot connect: cannot resolve %1: %2 - check &quot;host&quot; in the cluster file</source>
        <translation>Verbindung nicht möglich: %1 lässt sich nicht auflösen: %2 – prüfen Sie &quot;host&quot; in der Clusterdatei</translation>
    </message>
    <message>
        <source>cancelled while connecting</source>
        <translation>beim Verbinden abgebrochen</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3 - check that the device is on, reachable, and runs sshd on port %4</source>
        <translation>Verbindung zu %1 Port %2 nicht möglich: %3 – prüfen Sie, ob das Gerät eingeschaltet und erreichbar ist und sshd auf Port %4 läuft</translation>
    </message>
    <message>
        <source>cannot connect to %1 port %2: %3 - check that the jump host can reach the device, and that the device runs sshd on port %4</source>
        <translation>Verbindung zu %1 Port %2 nicht möglich: %3 – prüfen Sie, ob der Jump-Host das Gerät erreicht und das Gerät sshd auf Port %4 ausführt</translation>
    </message>
    <message>
        <source>cannot connect: %1 - check that the device is on, reachable, and runs sshd on port %2</source>
        <translation>Verbindung nicht möglich: %1 – prüfen Sie, ob das Gerät eingeschaltet und erreichbar ist und sshd auf Port %2 läuft</translation>
    </message>
    <message>
        <source>cannot connect: %1 - check that the jump host can reach the device, and that the device runs sshd on port %2</source>
        <translation>Verbindung nicht möglich: %1 – prüfen Sie, ob der Jump-Host das Gerät erreicht und das Gerät sshd auf Port %2 ausführt</translation>
    </message>
    <message>
        <source>no host set (&quot;host&quot; in the cluster file)</source>
        <translation>kein Host gesetzt (&quot;host&quot; in der Clusterdatei)</translation>
    </message>
    <message>
        <source>REFUSED: THE HOST KEY HAS CHANGED. The device now shows %1 key %2, but %3 holds a different key for %4. Someone may be intercepting the connection, or the device was reinstalled. Tessera never accepts a changed key; if you are sure the device was reinstalled, remove the old entry (ssh-keygen -R &apos;%5&apos; -f %6) and connect again</source>
        <translation>ABGELEHNT: DER HOST-SCHLÜSSEL HAT SICH GEÄNDERT. Das Gerät zeigt jetzt den %1-Schlüssel %2, aber %3 enthält für %4 einen anderen Schlüssel. Jemand könnte die Verbindung abfangen, oder das Gerät wurde neu installiert. Tessera akzeptiert nie einen geänderten Schlüssel; wenn Sie sicher sind, dass das Gerät neu installiert wurde, entfernen Sie den alten Eintrag (ssh-keygen -R &apos;%5&apos; -f %6) und verbinden Sie sich erneut</translation>
    </message>
    <message>
        <source>unknown host key %1 %2 (not in %3). Compare it with the device&apos;s own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the device) and, if it matches, accept it: run tessera again with --accept-new-host-keys, or in the studio Devices → Probe, which shows the key and asks</source>
        <translation>unbekannter Host-Schlüssel %1 %2 (nicht in %3). Vergleichen Sie ihn mit dem des Geräts (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub auf dem Gerät) und akzeptieren Sie ihn, wenn er übereinstimmt: führen Sie tessera erneut mit --accept-new-host-keys aus, oder im Studio über Geräte → Prüfen, das den Schlüssel zeigt und nachfragt</translation>
    </message>
    <message>
        <source>could not add the host key to %1: %2</source>
        <translation>der Host-Schlüssel konnte nicht zu %1 hinzugefügt werden: %2</translation>
    </message>
    <message>
        <source>could not check the host key against %1: %2</source>
        <translation>der Host-Schlüssel konnte nicht mit %1 abgeglichen werden: %2</translation>
    </message>
    <message>
        <source>cannot read the key file %1: %2 - check &quot;ssh.key_file&quot;</source>
        <translation>die Schlüsseldatei %1 kann nicht gelesen werden: %2 – prüfen Sie &quot;ssh.key_file&quot;</translation>
    </message>
    <message>
        <source>cannot load the private key %1 (not a private key, or encrypted and no correct passphrase was given)</source>
        <translation>der private Schlüssel %1 kann nicht geladen werden (kein privater Schlüssel, oder verschlüsselt und keine richtige Passphrase angegeben)</translation>
    </message>
    <message>
        <source>authentication failed with the ssh-agent&apos;s keys and ~/.ssh/id_*%1 - add the public key to ~%2/.ssh/authorized_keys on the device (ssh-copy-id), or set &quot;ssh.key_file&quot; to the right key</source>
        <translation>Anmeldung mit den Schlüsseln des ssh-agent und ~/.ssh/id_* fehlgeschlagen%1 – fügen Sie den öffentlichen Schlüssel zu ~%2/.ssh/authorized_keys auf dem Gerät hinzu (ssh-copy-id) oder setzen Sie &quot;ssh.key_file&quot; auf den richtigen Schlüssel</translation>
    </message>
    <message>
        <source>authentication failed with key %1 - add the public key to ~%2/.ssh/authorized_keys on the device (ssh-copy-id), or set &quot;ssh.key_file&quot; to the right key</source>
        <translation>Anmeldung mit dem Schlüssel %1 fehlgeschlagen – fügen Sie den öffentlichen Schlüssel zu ~%2/.ssh/authorized_keys auf dem Gerät hinzu (ssh-copy-id) oder setzen Sie &quot;ssh.key_file&quot; auf den richtigen Schlüssel</translation>
    </message>
    <message>
        <source>cannot open a channel: %1</source>
        <translation>es kann kein Kanal geöffnet werden: %1</translation>
    </message>
    <message>
        <source>cancelled while running a command</source>
        <translation>beim Ausführen eines Befehls abgebrochen</translation>
    </message>
    <message>
        <source>cannot run a command: %1 - the connection may have dropped</source>
        <translation>ein Befehl kann nicht ausgeführt werden: %1 – die Verbindung ist vielleicht abgebrochen</translation>
    </message>
    <message>
        <source>the connection failed while running a command: %1</source>
        <translation>die Verbindung brach beim Ausführen eines Befehls ab: %1</translation>
    </message>
    <message>
        <source>cannot start SFTP: %1 - enable the sftp subsystem in the device&apos;s sshd_config</source>
        <translation>SFTP kann nicht gestartet werden: %1 – aktivieren Sie das sftp-Subsystem in der sshd_config des Geräts</translation>
    </message>
    <message>
        <source>no bundle directory for this device - run &apos;tessera bundle MODEL PLAN CLUSTER -o DIR&apos; and pass --bundles DIR</source>
        <translation>kein Bundle-Ordner für dieses Gerät – führen Sie &apos;tessera bundle MODEL PLAN CLUSTER -o DIR&apos; aus und übergeben Sie --bundles DIR</translation>
    </message>
    <message>
        <source>deployment cancelled; the device keeps its current release</source>
        <translation>Bereitstellung abgebrochen; das Gerät behält seine aktuelle Version</translation>
    </message>
    <message>
        <source>no &quot;host&quot; in the cluster file - set its address</source>
        <translation>kein &quot;host&quot; in der Clusterdatei – setzen Sie seine Adresse</translation>
    </message>
    <message>
        <source>the probe got no answer from uname -m</source>
        <translation>die Prüfung bekam keine Antwort von uname -m</translation>
    </message>
    <message>
        <source>the probe got no answer from uname -m (is the remote shell a POSIX shell?)</source>
        <translation>die Prüfung bekam keine Antwort von uname -m (ist die entfernte Shell eine POSIX-Shell?)</translation>
    </message>
    <message>
        <source>unexpected answer from the device&apos;s shell: %1</source>
        <translation>unerwartete Antwort von der Shell des Geräts: %1</translation>
    </message>
    <message>
        <source>this machine:</source>
        <translation>dieser Rechner:</translation>
    </message>
    <message>
        <source>the layer range is empty or outside the model</source>
        <translation>der Schichtbereich ist leer oder liegt außerhalb des Modells</translation>
    </message>
    <message>
        <source>the selection cuts through the %1 stage: select all of it or none of it</source>
        <translation>die Auswahl schneidet durch die Stufe %1: wählen Sie sie ganz oder gar nicht aus</translation>
    </message>
    <message>
        <source>the block&apos;s last layer &apos;%1&apos; must produce a 4-D feature map to be cut into tiles</source>
        <translation>die letzte Schicht &apos;%1&apos; des Blocks muss eine 4-D-Merkmalskarte erzeugen, um in Kacheln geteilt zu werden</translation>
    </message>
    <message>
        <source>the plan has no stage %1</source>
        <translation>der Plan hat keine Stufe %1</translation>
    </message>
    <message>
        <source>%1 channels of &apos;%2&apos; cannot be split over %3 devices</source>
        <translation>%1 Kanäle von &apos;%2&apos; lassen sich nicht auf %3 Geräte aufteilen</translation>
    </message>
    <message>
        <source>%1 channels cannot be split into %2 slices</source>
        <translation>%1 Kanäle lassen sich nicht in %2 Abschnitte aufteilen</translation>
    </message>
    <message>
        <source>the split has no slice %1</source>
        <translation>die Aufteilung hat keinen Abschnitt %1</translation>
    </message>
    <message>
        <source>device #%1 is not in the cluster</source>
        <translation>Gerät #%1 ist nicht im Cluster</translation>
    </message>
    <message>
        <source>%1 already runs slice %2; a device runs one slice of a split (remove that slice first, or give it to another device)</source>
        <translation>%1 führt bereits Abschnitt %2 aus; ein Gerät führt einen Abschnitt einer Aufteilung aus (entfernen Sie diesen Abschnitt zuerst oder geben Sie ihn einem anderen Gerät)</translation>
    </message>
    <message>
        <source>a split needs at least two slices; to run these layers on one device, place them on it</source>
        <translation>eine Aufteilung braucht mindestens zwei Abschnitte; um diese Schichten auf einem Gerät auszuführen, platzieren Sie sie darauf</translation>
    </message>
    <message>
        <source>%1 already runs a slice</source>
        <translation>%1 führt bereits einen Abschnitt aus</translation>
    </message>
    <message>
        <source>stage %1 is not a channel split</source>
        <translation>Stufe %1 ist keine Kanalaufteilung</translation>
    </message>
    <message>
        <source>the slices do not cover the %1 channels of &apos;%2&apos; with one device each and no empty slice</source>
        <translation>die Abschnitte decken die %1 Kanäle von &apos;%2&apos; nicht mit je einem Gerät und ohne leeren Abschnitt ab</translation>
    </message>
    <message>
        <source>stage %1 is not half of a LOP stage followed by a LIP stage that reads its output</source>
        <translation>Stufe %1 ist keine Hälfte eines Paars aus einer LOP-Stufe und einer folgenden LIP-Stufe, die deren Ausgabe liest</translation>
    </message>
    <message>
        <source>only a LIP stage has a reducer</source>
        <translation>nur eine LIP-Stufe hat ein Reduktionsgerät</translation>
    </message>
    <message>
        <source>weights of %1 %2 and %3 smaller part</source>
        <translation>Gewichte von %1 %2 und %3 kleinerer Teil</translation>
    </message>
    <message>
        <source>weights of %1 %2 and %3 smaller parts</source>
        <translation>Gewichte von %1 %2 und %3 kleinere Teile</translation>
    </message>
    <message>
        <source>arena of %1 %2 and %3 smaller part</source>
        <translation>Arena von %1 %2 und %3 kleinerer Teil</translation>
    </message>
    <message>
        <source>arena of %1 %2 and %3 smaller parts</source>
        <translation>Arena von %1 %2 und %3 kleinere Teile</translation>
    </message>
    <message>
        <source>runtime overhead %1 and %2 smaller part</source>
        <translation>Laufzeit-Overhead %1 und %2 kleinerer Teil</translation>
    </message>
    <message>
        <source>runtime overhead %1 and %2 smaller parts</source>
        <translation>Laufzeit-Overhead %1 und %2 kleinere Teile</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>lädt hoch</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht ausgeführt</translation>
    </message>
    <message>
        <source>creating device %1</source>
        <translation>Gerät %1 wird erstellt</translation>
    </message>
    <message>
        <source>not serving after %1 s (raise the ready timeout): %2</source>
        <translation>nach %1 s noch nicht bereit (erhöhen Sie die Bereitschaftszeit): %2</translation>
    </message>
    <message>
        <source>%1 arrived damaged (its SHA-256 on the device differs) - deploy again</source>
        <translation>%1 kam beschädigt an (sein SHA-256 auf dem Gerät weicht ab) – stellen Sie erneut bereit</translation>
    </message>
    <message>
        <source>the device keeps its current release</source>
        <translation>das Gerät behält seine aktuelle Version</translation>
    </message>
    <message>
        <source>gateway &apos;%1&apos; at %2 refused the connection: %3 (are the keys from this cluster&apos;s bundle?)</source>
        <translation>Gateway &apos;%1&apos; unter %2 lehnte die Verbindung ab: %3 (stammen die Schlüssel aus dem Bundle dieses Clusters?)</translation>
    </message>
    <message>
        <source>no answer from the gateway &apos;%1&apos; at %2 within %3 ms (is tessera-node running there?)</source>
        <translation>keine Antwort vom Gateway &apos;%1&apos; unter %2 innerhalb von %3 ms (läuft dort tessera-node?)</translation>
    </message>
    <message>
        <source>no result from the gateway &apos;%1&apos; at %2 within %3 ms (a worker may have stopped; see the nodes&apos; logs)</source>
        <translation>kein Ergebnis vom Gateway &apos;%1&apos; unter %2 innerhalb von %3 ms (ein Worker hat vielleicht angehalten; siehe die Protokolle der Knoten)</translation>
    </message>
    <message>
        <source>no data for the model input &apos;%1&apos;</source>
        <translation>keine Daten für die Modelleingabe &apos;%1&apos;</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; takes %2 values, got %3</source>
        <translation>Eingabe &apos;%1&apos; nimmt %2 Werte, erhalten: %3</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a Pareto front sets latency, traffic or throughput against memory</source>
        <translation>eine Pareto-Front stellt Latenz, Datenverkehr oder Durchsatz dem Speicher gegenüber</translation>
    </message>
    <message>
        <source>the dynamic program adds costs along the chain, and the period is a maximum over the devices: use the integer program for throughput</source>
        <translation>das dynamische Programm summiert Kosten entlang der Kette, die Periode ist aber ein Maximum über die Geräte: für den Durchsatz das ganzzahlige Programm verwenden</translation>
    </message>
    <message>
        <source>throughput search, first plan:</source>
        <translation>Durchsatzsuche, erster Plan:</translation>
    </message>
    <message>
        <source>throughput search, bound:</source>
        <translation>Durchsatzsuche, Schranke:</translation>
    </message>
    <message>
        <source>throughput search, best %1, bound %2:</source>
        <translation>Durchsatzsuche, bester %1, Schranke %2:</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <source>page %1</source>
        <translation>Seite %1</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>current plan</source>
        <translation>aktueller Plan</translation>
    </message>
    <message>
        <source>The plan to compare, %1, cannot be used: %2</source>
        <translation>Der Vergleichsplan %1 kann nicht verwendet werden: %2</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>%1×%2 tiles</source>
        <translation>%1×%2 Kacheln</translation>
    </message>
    <message>
        <source>, data reuse</source>
        <translation>, Datenwiederverwendung</translation>
    </message>
    <message>
        <source>, work stealing</source>
        <translation>, Work-Stealing</translation>
    </message>
    <message>
        <source>%1 output-channel slices</source>
        <translation>%1 Ausgabekanal-Abschnitte</translation>
    </message>
    <message>
        <source>%1 input-channel slices</source>
        <translation>%1 Eingabekanal-Abschnitte</translation>
    </message>
    <message>
        <source>whole layers</source>
        <translation>ganze Schichten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>%1, opset %2</source>
        <translation>%1, Opset %2</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Weights (ro)</source>
        <translation>Gewichte (nur lesend)</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Activations (rw)</source>
        <translation>Aktivierungen (lesend/schreibend)</translation>
    </message>
    <message>
        <source>%1 peak with buffer reuse, %2 without</source>
        <translation>%1 Spitze mit Pufferwiederverwendung, %2 ohne</translation>
    </message>
    <message>
        <source>RAM total, one device</source>
        <translation>RAM gesamt, ein Gerät</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Operators: %1</source>
        <translation>Operatoren: %1</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s), gateway %1.</source>
        <translation>
            <numerusform>%n Gerät, Gateway %1.</numerusform>
            <numerusform>%n Geräte, Gateway %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 GMAC/s</source>
        <translation>%1 GMAC/s</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>arch</source>
        <translation>Arch.</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>runtime</source>
        <translation>Laufzeitumgebung</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>%1 stage(s), %2 tasks.</source>
        <translation>%1 Stufe(n), %2 Aufgaben.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Stage %1: tile grid (cells by device, cut positions on the edges)</source>
        <translation>Stufe %1: Kachelraster (Zellen nach Gerät, Schnittpositionen an den Rändern)</translation>
    </message>
    <message>
        <source>Graph (layers tinted by their devices; read the columns left to right)</source>
        <translation>Graph (Schichten in der Farbe ihrer Geräte; Spalten von links nach rechts lesen)</translation>
    </message>
    <message>
        <source>Memory per device (predicted)</source>
        <translation>Speicher pro Gerät (vorhergesagt)</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>buffers</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>overhead</source>
        <translation>Overhead</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>use</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Traffic per link (predicted, one frame)</source>
        <translation>Datenverkehr pro Verbindung (vorhergesagt, ein Frame)</translation>
    </message>
    <message>
        <source>Total %1 per frame; %2 redundant MACs from tile overlap (%3%).</source>
        <translation>Insgesamt %1 pro Frame; %2 redundante MACs durch Kachelüberlappung (%3 %).</translation>
    </message>
    <message>
        <source>Latency (predicted)</source>
        <translation>Latenz (vorhergesagt)</translation>
    </message>
    <message>
        <source>One frame: %1. A stream of %2 frames submitted at once: %3 frames/s, latency median %4, max %5.</source>
        <translation>Ein Frame: %1. Ein Strom von %2 gleichzeitig übergebenen Frames: %3 Frames/s, Latenz Median %4, Maximum %5.</translation>
    </message>
    <message>
        <source>Measured run</source>
        <translation>Gemessener Lauf</translation>
    </message>
    <message>
        <source>%1 frames, %2 in flight</source>
        <translation>%1 Frames, %2 gleichzeitig unterwegs</translation>
    </message>
    <message>
        <source>, %1 frames/s over %2</source>
        <translation>, %1 Frames/s über %2</translation>
    </message>
    <message>
        <source>. Predicted one-frame latency: %1.</source>
        <translation>. Vorhergesagte Latenz eines Frames: %1.</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Max.</translation>
    </message>
    <message>
        <source>compute pred.</source>
        <translation>Rechenzeit vorh.</translation>
    </message>
    <message>
        <source>compute meas.</source>
        <translation>Rechenzeit gem.</translation>
    </message>
    <message>
        <source>received pred./meas.</source>
        <translation>empfangen vorh./gem.</translation>
    </message>
    <message>
        <source>sent pred./meas.</source>
        <translation>gesendet vorh./gem.</translation>
    </message>
    <message>
        <source>memory pred.</source>
        <translation>Speicher vorh.</translation>
    </message>
    <message>
        <source>peak RSS</source>
        <translation>Spitzen-RSS</translation>
    </message>
    <message>
        <source>Optimizer settings</source>
        <translation>Einstellungen des Optimierers</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>the devices&apos; memory budgets (Cluster)</source>
        <translation>die Speicherbudgets der Geräte (Cluster)</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s) over</source>
        <translation>
            <numerusform>%n Gerät darüber</numerusform>
            <numerusform>%n Geräte darüber</numerusform>
        </translation>
    </message>
    <message>
        <source>stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>largest device memory</source>
        <translation>größter Gerätespeicher</translation>
    </message>
    <message>
        <source>fits the budgets</source>
        <translation>passt in die Budgets</translation>
    </message>
    <message>
        <source>traffic per frame</source>
        <translation>Datenverkehr pro Frame</translation>
    </message>
    <message>
        <source>latency, one frame</source>
        <translation>Latenz, ein Frame</translation>
    </message>
    <message>
        <source>throughput, stream</source>
        <translation>Durchsatz, Strom</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 Frames/s</translation>
    </message>
    <message>
        <source>memory of %1</source>
        <translation>Speicher von %1</translation>
    </message>
    <message>
        <source>Memory per device: %1</source>
        <translation>Speicher pro Gerät: %1</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message numerus="yes">
        <source>%n devices</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>%n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <source>params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Tessera report: %1</source>
        <translation>Tessera-Bericht: %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n device(s)</source>
        <translation>
            <numerusform>%1 auf %n Gerät</numerusform>
            <numerusform>%1 auf %n Geräten</numerusform>
        </translation>
    </message>
    <message>
        <source>, compared with %1</source>
        <translation>, verglichen mit %1</translation>
    </message>
    <message>
        <source>, with a measured run</source>
        <translation>, mit einem gemessenen Lauf</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>redundant MACs</source>
        <translation>redundante MACs</translation>
    </message>
    <message>
        <source>Timeline: %1</source>
        <translation>Zeitachse: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The Tessera partition-design workbench</source>
        <translation>Die Tessera-Werkbank für den Entwurf von Partitionierungen</translation>
    </message>
    <message>
        <source>Project to open (.tessera)</source>
        <translation>Zu öffnendes Projekt (.tessera)</translation>
    </message>
    <message>
        <source>Render the main window to FILE (PNG) and exit</source>
        <translation>Das Hauptfenster in FILE (PNG) zeichnen und beenden</translation>
    </message>
    <message>
        <source>Window size for --screenshot</source>
        <translation>Fenstergröße für --screenshot</translation>
    </message>
    <message>
        <source>Select this layer (by name) before the screenshot</source>
        <translation>Diese Schicht (nach Name) vor dem Screenshot auswählen</translation>
    </message>
    <message>
        <source>Before the screenshot, run FRAMES frames on the emulated local cluster (Run menu)</source>
        <translation>Vor dem Screenshot FRAMES Frames auf dem emulierten lokalen Cluster ausführen (Menü Ausführen)</translation>
    </message>
    <message>
        <source>Write the project&apos;s report to FILE (.pdf, .html, .csv or .json) and exit</source>
        <translation>Den Bericht des Projekts in FILE (.pdf, .html, .csv oder .json) schreiben und beenden</translation>
    </message>
    <message>
        <source>With --report: the run record of a measured run (tessera cluster-run --record)</source>
        <translation>Mit --report: die Aufzeichnung eines gemessenen Laufs (tessera cluster-run --record)</translation>
    </message>
    <message>
        <source>Show the studio in LANGUAGE (%1) instead of the language chosen in Preferences</source>
        <translation>Das Studio in LANGUAGE (%1) statt in der in den Einstellungen gewählten Sprache zeigen</translation>
    </message>
    <message>
        <source>With --report: a second plan file (JSON), compared side by side with the project&apos;s plan</source>
        <translation>Mit --report: eine zweite Plandatei (JSON), neben dem Plan des Projekts verglichen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AboutDialog</name>
    <message>
        <source>an unknown compiler</source>
        <translation>ein unbekannter Compiler</translation>
    </message>
    <message>
        <source>%1, %2, built against Qt %3</source>
        <translation>%1, %2, gebaut gegen Qt %3</translation>
    </message>
    <message>
        <source>About Tessera Studio</source>
        <translation>Über Tessera Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera Studio %1&lt;/h3&gt;&lt;p&gt;Distributed CNN inference on edge devices: design the partition, check memory and latency before anything runs, deploy and watch the cluster run.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tessera Studio %1&lt;/h3&gt;&lt;p&gt;Verteilte CNN-Inferenz auf Edge-Geräten: die Partitionierung entwerfen, Speicher und Latenz prüfen, bevor etwas läuft, verteilen und dem Cluster bei der Arbeit zusehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Build: %1</source>
        <translation>Build: %1</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the program&apos;s and the libraries&apos; versions, for a bug report</source>
        <translation>Die Versionen des Programms und der Bibliotheken kopieren, für einen Fehlerbericht</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChannelSplitEditor</name>
    <message>
        <source>Select a layer of a channel split (in the graph or the layer table) to edit its shares here.</source>
        <translation>Wählen Sie eine Schicht einer Kanalaufteilung (im Graphen oder in der Schichttabelle), um hier ihre Anteile zu bearbeiten.</translation>
    </message>
    <message>
        <source>%1 is not in a channel split.</source>
        <translation>%1 gehört zu keiner Kanalaufteilung.</translation>
    </message>
    <message>
        <source>Channel splits of this plan: %1</source>
        <translation>Kanalaufteilungen dieses Plans: %1</translation>
    </message>
    <message>
        <source>To split layers by channels, select a range of layers and choose Partition → Split Output Channels (LOP) or Split Input Channels (LIP). A LOP stage followed by a LIP stage cut the same way is a fused pair: nothing is exchanged between them.</source>
        <translation>Um Schichten nach Kanälen aufzuteilen, wählen Sie einen Schichtbereich und dann Partitionieren → Ausgabekanäle aufteilen (LOP) oder Eingabekanäle aufteilen (LIP). Eine LOP-Stufe, auf die eine gleich geschnittene LIP-Stufe folgt, ist ein fusioniertes Paar: Zwischen beiden wird nichts ausgetauscht.</translation>
    </message>
    <message>
        <source>%1 … %2 (%3)</source>
        <translation>%1 … %2 (%3)</translation>
    </message>
    <message>
        <source>LOP</source>
        <translation>LOP</translation>
    </message>
    <message>
        <source>LIP</source>
        <translation>LIP</translation>
    </message>
    <message>
        <source>Equal Shares</source>
        <translation>Gleiche Anteile</translation>
    </message>
    <message>
        <source>By Device Speed</source>
        <translation>Nach Geräteleistung</translation>
    </message>
    <message>
        <source>Reducer</source>
        <translation>Reduzierer</translation>
    </message>
    <message>
        <source>Keep the pair fused (edit both stages together)</source>
        <translation>Paar fusioniert halten (beide Stufen gemeinsam bearbeiten)</translation>
    </message>
    <message>
        <source>Editing either stage of the fused pair moves the other&apos;s cuts and devices too, so nothing has to be exchanged between them</source>
        <translation>Wird eine Stufe des fusionierten Paars bearbeitet, wandern die Schnitte und Geräte der anderen mit, sodass zwischen beiden nichts ausgetauscht werden muss</translation>
    </message>
    <message>
        <source>Give every slice the same number of channels</source>
        <translation>Jedem Abschnitt gleich viele Kanäle geben</translation>
    </message>
    <message>
        <source>Give every slice channels in proportion to its device&apos;s speed (MAC/s)</source>
        <translation>Jedem Abschnitt Kanäle im Verhältnis zur Leistung seines Geräts (MAC/s) geben</translation>
    </message>
    <message>
        <source>Add a slice on another device; the others give up channels for it</source>
        <translation>Einen Abschnitt auf einem weiteren Gerät hinzufügen; die anderen geben dafür Kanäle ab</translation>
    </message>
    <message>
        <source>The device that adds the partial sums (and the bias) and runs the rest of the stage</source>
        <translation>Das Gerät, das die Teilsummen (und den Bias) addiert und den Rest der Stufe ausführt</translation>
    </message>
    <message>
        <source>Add %1 to the channel split of %2</source>
        <translation>%1 zur Kanalaufteilung von %2 hinzufügen</translation>
    </message>
    <message>
        <source>Equal channel shares for %1</source>
        <translation>Gleiche Kanalanteile für %1</translation>
    </message>
    <message>
        <source>Channel shares by device speed for %1</source>
        <translation>Kanalanteile nach Geräteleistung für %1</translation>
    </message>
    <message>
        <source>%1..%2</source>
        <translation>%1..%2</translation>
    </message>
    <message>
        <source>Change the channel shares of %1</source>
        <translation>Kanalanteile von %1 ändern</translation>
    </message>
    <message>
        <source>The device that computes slice %1</source>
        <translation>Das Gerät, das Abschnitt %1 berechnet</translation>
    </message>
    <message>
        <source>The share of slice %1: drag to move channels to or from the other slices</source>
        <translation>Der Anteil von Abschnitt %1: ziehen, um Kanäle zu den anderen Abschnitten oder von ihnen zu verschieben</translation>
    </message>
    <message>
        <source>The channels of slice %1</source>
        <translation>Die Kanäle von Abschnitt %1</translation>
    </message>
    <message>
        <source>Run slice %1 of %2 on %3</source>
        <translation>Abschnitt %1 von %2 auf %3 ausführen</translation>
    </message>
    <message>
        <source>Remove %1 from the channel split of %2</source>
        <translation>%1 aus der Kanalaufteilung von %2 entfernen</translation>
    </message>
    <message>
        <source>slice %1</source>
        <translation>Abschnitt %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Remove this slice; the others take its channels</source>
        <translation>Diesen Abschnitt entfernen; die anderen übernehmen seine Kanäle</translation>
    </message>
    <message>
        <source>A split needs two slices: to run these layers on one device, place them on it (Partition → Place on Device)</source>
        <translation>Eine Aufteilung braucht zwei Abschnitte: Um diese Schichten auf einem Gerät auszuführen, platzieren Sie sie dort (Partitionieren → Auf Gerät platzieren)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n layer(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n Schicht</numerusform>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %3 · %n Schichten</numerusform>
        </translation>
    </message>
    <message>
        <source>LOP (output channels)</source>
        <translation>LOP (Ausgabekanäle)</translation>
    </message>
    <message>
        <source>LIP (input channels)</source>
        <translation>LIP (Eingabekanäle)</translation>
    </message>
    <message>
        <source>%1 channels of %2, cut into %3 slices</source>
        <translation>%1 Kanäle von %2, in %3 Abschnitte geschnitten</translation>
    </message>
    <message numerus="yes">
        <source>(whole planes of %n value(s): the cuts fall between flattened channels)</source>
        <translation>
            <numerusform>(ganze Ebenen mit %n Wert: Die Schnitte liegen zwischen abgeflachten Kanälen)</numerusform>
            <numerusform>(ganze Ebenen mit %n Werten: Die Schnitte liegen zwischen abgeflachten Kanälen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a Device…</source>
        <translation>Gerät hinzufügen…</translation>
    </message>
    <message>
        <source>First slice&apos;s device (%1)</source>
        <translation>Gerät des ersten Abschnitts (%1)</translation>
    </message>
    <message numerus="yes">
        <source>The cuts of this stage do not fit its %n channel(s); split the layers again.</source>
        <translation>
            <numerusform>Die Schnitte dieser Stufe passen nicht zu ihrem %n Kanal; teilen Sie die Schichten erneut auf.</numerusform>
            <numerusform>Die Schnitte dieser Stufe passen nicht zu ihren %n Kanälen; teilen Sie die Schichten erneut auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan does not compile: %1</source>
        <translation>Der Plan lässt sich nicht kompilieren: %1</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Fused with the LIP stage %1 after it: every device&apos;s output slice is its input slice there, so nothing is exchanged between the two.</source>
        <translation>Fusioniert mit der folgenden LIP-Stufe %1: Der Ausgabeabschnitt jedes Geräts ist dort sein Eingabeabschnitt, daher wird zwischen beiden nichts ausgetauscht.</translation>
    </message>
    <message>
        <source>Fused with the LOP stage %1 before it: every device&apos;s input slice is its output slice there, so nothing is exchanged between the two.</source>
        <translation>Fusioniert mit der vorangehenden LOP-Stufe %1: Der Eingabeabschnitt jedes Geräts ist dort sein Ausgabeabschnitt, daher wird zwischen beiden nichts ausgetauscht.</translation>
    </message>
    <message>
        <source>The LIP stage %1 after it reads this output but is cut differently: the slices are exchanged between the devices.</source>
        <translation>Die folgende LIP-Stufe %1 liest diese Ausgabe, ist aber anders geschnitten: Die Abschnitte werden zwischen den Geräten ausgetauscht.</translation>
    </message>
    <message>
        <source>The LOP stage %1 before it writes this input but is cut differently: the slices are exchanged between the devices.</source>
        <translation>Die vorangehende LOP-Stufe %1 schreibt diese Eingabe, ist aber anders geschnitten: Die Abschnitte werden zwischen den Geräten ausgetauscht.</translation>
    </message>
    <message>
        <source>Match the Next LIP Stage</source>
        <translation>An folgende LIP-Stufe angleichen</translation>
    </message>
    <message>
        <source>Match the Previous LOP Stage</source>
        <translation>An vorangehende LOP-Stufe angleichen</translation>
    </message>
    <message>
        <source>Cut the LIP stage as the LOP stage, on the same devices: the pair fuses</source>
        <translation>Die LIP-Stufe wie die LOP-Stufe schneiden, auf denselben Geräten: Das Paar wird fusioniert</translation>
    </message>
</context>
<context>
    <name>tessera::ui::Commands</name>
    <message>
        <source>Add device %1</source>
        <translation>Gerät %1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit device %1</source>
        <translation>Gerät %1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove device %1</source>
        <translation>Gerät %1 entfernen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceDialog</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>address for deployment (optional for planning)</source>
        <translation>Adresse für die Verteilung (für die Planung optional)</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source> GMAC/s</source>
        <translation> GMAC/s</translation>
    </message>
    <message>
        <source> Mbit/s</source>
        <translation> Mbit/s</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Memory budget:</source>
        <translation>&amp;Speicherbudget:</translation>
    </message>
    <message>
        <source>&amp;Speed (conv/GEMM):</source>
        <translation>&amp;Rechenleistung (Conv/GEMM):</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>&amp;Threads:</translation>
    </message>
    <message>
        <source>&amp;Link bandwidth:</source>
        <translation>Verbindungs&amp;bandbreite:</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DevicePanel</name>
    <message>
        <source>Raspberry Pi 3 Model B</source>
        <translation>Raspberry Pi 3 Model B</translation>
    </message>
    <message>
        <source>Raspberry Pi 4 (4 GB)</source>
        <translation>Raspberry Pi 4 (4 GB)</translation>
    </message>
    <message>
        <source>Raspberry Pi 5 (8 GB)</source>
        <translation>Raspberry Pi 5 (8 GB)</translation>
    </message>
    <message>
        <source>Jetson Nano (CPU)</source>
        <translation>Jetson Nano (CPU)</translation>
    </message>
    <message>
        <source>Emulated device (¼ core, 100 Mbit/s)</source>
        <translation>Emuliertes Gerät (¼ Kern, 100 Mbit/s)</translation>
    </message>
    <message>
        <source>Custom device…</source>
        <translation>Eigenes Gerät…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a device from a board preset or a custom one</source>
        <translation>Ein Gerät aus einer Board-Vorlage oder ein eigenes hinzufügen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Probe &amp;Selected Devices</source>
        <translation>&amp;Ausgewählte Geräte abfragen</translation>
    </message>
    <message>
        <source>Probe &amp;All Devices</source>
        <translation>A&amp;lle Geräte abfragen</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>Connect to the selected devices (all when none is selected) and ask their architecture, OS, memory and tessera-node: over SSH for devices with an SSH block, on this machine for the emulated ones</source>
        <translation>Mit den ausgewählten Geräten verbinden (mit allen, wenn keines ausgewählt ist) und Architektur, Betriebssystem, Speicher und tessera-node abfragen: über SSH bei Geräten mit SSH-Block, auf diesem Rechner bei den emulierten</translation>
    </message>
    <message>
        <source>Unknown Host Key</source>
        <translation>Unbekannter Host-Schlüssel</translation>
    </message>
    <message>
        <source>%1 presents a host key that is not in known_hosts:

%2 %3

Compare it with the device&apos;s own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the device). Trust this key and add it to known_hosts?</source>
        <translation>%1 legt einen Host-Schlüssel vor, der nicht in known_hosts steht:

%2 %3

Vergleichen Sie ihn mit dem des Geräts (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub auf dem Gerät). Diesem Schlüssel vertrauen und ihn zu known_hosts hinzufügen?</translation>
    </message>
    <message>
        <source>Key Passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <source>Host Key Changed</source>
        <translation>Host-Schlüssel geändert</translation>
    </message>
    <message>
        <source>There is already a device named %1.</source>
        <translation>Es gibt bereits ein Gerät namens %1.</translation>
    </message>
    <message>
        <source>A cluster needs at least one device.</source>
        <translation>Ein Cluster braucht mindestens ein Gerät.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Stop the running probe: devices that have not answered yet go back to Unknown, without waiting for their connections to time out</source>
        <translation>Die laufende Abfrage stoppen: Geräte, die noch nicht geantwortet haben, werden wieder „Unbekannt“, ohne auf das Zeitlimit ihrer Verbindungen zu warten</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceProber</name>
    <message>
        <source>unknown OS</source>
        <translation>unbekanntes Betriebssystem</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %1, %2, %n CPUs, %3</source>
        <translation>
            <numerusform>Bereit: %1, %2, %n CPU, %3</numerusform>
            <numerusform>Bereit: %1, %2, %n CPUs, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Runs on this machine (no &quot;ssh&quot; block: emulated or local)</source>
        <translation>Läuft auf diesem Rechner (kein „ssh“-Block: emuliert oder lokal)</translation>
    </message>
    <message>
        <source>Reached over SSH</source>
        <translation>Über SSH erreicht</translation>
    </message>
    <message>
        <source>Architecture: %1</source>
        <translation>Architektur: %1</translation>
    </message>
    <message>
        <source>Operating system: %1</source>
        <translation>Betriebssystem: %1</translation>
    </message>
    <message>
        <source>CPUs: %1</source>
        <translation>CPUs: %1</translation>
    </message>
    <message>
        <source>Memory: %1 (%2 available)</source>
        <translation>Speicher: %1 (%2 verfügbar)</translation>
    </message>
    <message>
        <source>Disk free: %1</source>
        <translation>Freier Plattenplatz: %1</translation>
    </message>
    <message>
        <source>tessera-node: not installed</source>
        <translation>tessera-node: nicht installiert</translation>
    </message>
    <message>
        <source>tessera-node: %1</source>
        <translation>tessera-node: %1</translation>
    </message>
    <message>
        <source>Host key: %1</source>
        <translation>Host-Schlüssel: %1</translation>
    </message>
    <message>
        <source>The host key %1 was not trusted: not connected (the known_hosts file is unchanged)</source>
        <translation>Dem Host-Schlüssel %1 wurde nicht vertraut: nicht verbunden (die Datei known_hosts ist unverändert)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceStrip</name>
    <message numerus="yes">
        <source>%1 · %n tile(s)</source>
        <translation>
            <numerusform>%1 · %n Kachel</numerusform>
            <numerusform>%1 · %n Kacheln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::DeviceTableModel</name>
    <message>
        <source>Not probed yet: Probe connects to the device and asks what it is</source>
        <translation>Noch nicht abgefragt: Abfragen verbindet sich mit dem Gerät und fragt, was es ist</translation>
    </message>
    <message>
        <source>Drop layers here to run them whole on %1, or a tile of the tile editor to run it there; drag the device onto a tile to run that tile on it</source>
        <translation>Schichten hier ablegen, um sie ganz auf %1 auszuführen, oder eine Kachel des Kacheleditors, um sie dort auszuführen; das Gerät auf eine Kachel ziehen, um diese Kachel darauf auszuführen</translation>
    </message>
    <message>
        <source>%1 (gateway)</source>
        <translation>%1 (Gateway)</translation>
    </message>
    <message>
        <source>%1 GMAC/s</source>
        <translation>%1 GMAC/s</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Speicherbudget</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
</context>
<context>
    <name>tessera::ui::FrameInputs</name>
    <message>
        <source>The model has %1 inputs; an image folder can feed a model with one image input. Use generated input.</source>
        <translation>Das Modell hat %1 Eingaben; ein Bildordner kann nur ein Modell mit einer Bildeingabe speisen. Verwenden Sie generierte Eingaben.</translation>
    </message>
    <message>
        <source>The model has %1 inputs; a video can feed a model with one image input. Use generated input.</source>
        <translation>Das Modell hat %1 Eingaben; ein Video kann nur ein Modell mit einer Bildeingabe speisen. Verwenden Sie generierte Eingaben.</translation>
    </message>
    <message>
        <source>The model&apos;s input &apos;%1&apos; has shape %2; images and video frames can feed Nx3xHxW or Nx1xHxW inputs. Use generated input.</source>
        <translation>Die Eingabe &apos;%1&apos; des Modells hat die Form %2; Bilder und Videoframes können Nx3xHxW- oder Nx1xHxW-Eingaben speisen. Verwenden Sie generierte Eingaben.</translation>
    </message>
    <message>
        <source>The image folder &apos;%1&apos; does not exist: choose a folder of images.</source>
        <translation>Der Bildordner &apos;%1&apos; existiert nicht: Wählen Sie einen Ordner mit Bildern.</translation>
    </message>
    <message>
        <source>The folder &apos;%1&apos; holds no image Qt can read (PNG, JPEG, BMP, ...): choose a folder of images.</source>
        <translation>Der Ordner &apos;%1&apos; enthält kein Bild, das Qt lesen kann (PNG, JPEG, BMP, …): Wählen Sie einen Ordner mit Bildern.</translation>
    </message>
    <message>
        <source>%1: cannot read the image (%2)</source>
        <translation>%1: Das Bild kann nicht gelesen werden (%2)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::FuseDialog</name>
    <message>
        <source>&amp;Data reuse (odd tiles fetch border strips instead of recomputing them)</source>
        <translation>&amp;Datenwiederverwendung (ungerade Kacheln holen Randstreifen, statt sie neu zu berechnen)</translation>
    </message>
    <message>
        <source>&amp;Work stealing (idle devices take pending tiles)</source>
        <translation>&amp;Work-Stealing (untätige Geräte übernehmen ausstehende Kacheln)</translation>
    </message>
    <message>
        <source>Fuse as Tile Block</source>
        <translation>Als Kachelblock fusionieren</translation>
    </message>
    <message>
        <source>Layers %1 run as one fused block: each device computes whole tiles of the block&apos;s output through every layer, without exchanging data inside the block.</source>
        <translation>Die Schichten %1 laufen als ein fusionierter Block: Jedes Gerät berechnet ganze Kacheln der Blockausgabe durch alle Schichten hindurch, ohne innerhalb des Blocks Daten auszutauschen.</translation>
    </message>
    <message>
        <source>&amp;Grid (rows × columns):</source>
        <translation>&amp;Raster (Zeilen × Spalten):</translation>
    </message>
</context>
<context>
    <name>tessera::ui::LayerTable</name>
    <message>
        <source>Filter layers (name, op, scheme, device)…</source>
        <translation>Schichten filtern (Name, Op, Schema, Gerät)…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::LayerTableModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Tile Editor</source>
        <translation>Kacheleditor</translation>
    </message>
    <message>
        <source>Channel Split</source>
        <translation>Kanalaufteilung</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>&lt;opened project&gt;</source>
        <translation>&lt;geöffnetes Projekt&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
    <message>
        <source>%1[*] — Tessera Studio</source>
        <translation>%1[*] — Tessera Studio</translation>
    </message>
    <message>
        <source>Tessera Studio</source>
        <translation>Tessera Studio</translation>
    </message>
    <message>
        <source>%1: %2 layers, %3 MACs, %4 params</source>
        <translation>%1: %2 Schichten, %3 MACs, %4 Parameter</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b01c1c&apos;&gt;plan not valid&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b01c1c&apos;&gt;Plan ungültig&lt;/span&gt;</translation>
    </message>
    <message>
        <source>all devices within budget</source>
        <translation>alle Geräte im Budget</translation>
    </message>
    <message numerus="yes">
        <source>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n device(s) over budget&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n Gerät über Budget&lt;/span&gt;</numerusform>
            <numerusform>&lt;span style=&apos;color:#b01c1c&apos;&gt;%n Geräte über Budget&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>latency %1 · traffic %2 · %3</source>
        <translation>Latenz %1 · Datenverkehr %2 · %3</translation>
    </message>
    <message>
        <source>Recover unsaved changes?</source>
        <translation>Ungespeicherte Änderungen wiederherstellen?</translation>
    </message>
    <message>
        <source>%1 has unsaved changes from a session that did not end normally. Recover them?</source>
        <translation>%1 hat ungespeicherte Änderungen aus einer Sitzung, die nicht normal beendet wurde. Wiederherstellen?</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Recover unsaved project?</source>
        <translation>Ungespeichertes Projekt wiederherstellen?</translation>
    </message>
    <message>
        <source>An untitled project was not saved when the last session ended. Recover it?</source>
        <translation>Ein unbenanntes Projekt wurde am Ende der letzten Sitzung nicht gespeichert. Wiederherstellen?</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Tessera projects (*.tessera);;All files (*)</source>
        <translation>Tessera-Projekte (*.tessera);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Project from a Model</source>
        <translation>Neues Projekt aus einem Modell</translation>
    </message>
    <message>
        <source>Models (*.onnx *.cfg);;All files (*)</source>
        <translation>Modelle (*.onnx *.cfg);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>Projekt speichern unter</translation>
    </message>
    <message>
        <source>Tessera projects (*.tessera)</source>
        <translation>Tessera-Projekte (*.tessera)</translation>
    </message>
    <message>
        <source>%1: the report&apos;s format comes from the extension: .html, .pdf, .csv or .json</source>
        <translation>%1: Das Format des Berichts ergibt sich aus der Endung: .html, .pdf, .csv oder .json</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>Exported the report to %1</source>
        <translation>Bericht nach %1 exportiert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>&amp;New Project from Model…</source>
        <translation>&amp;Neues Projekt aus Modell…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Sample Project</source>
        <translation>Beis&amp;pielprojekt öffnen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Bericht e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>Projekt s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find Layer…</source>
        <translation>Schicht &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Fuse as Tile Block…</source>
        <translation>Als Kachelblock &amp;fusionieren…</translation>
    </message>
    <message>
        <source>Fuse as Tiles…</source>
        <translation>Als Kacheln fusionieren…</translation>
    </message>
    <message>
        <source>Run the selected layer range as one fused block cut into tiles (FTP)</source>
        <translation>Den ausgewählten Schichtbereich als einen fusionierten, in Kacheln geschnittenen Block ausführen (FTP)</translation>
    </message>
    <message>
        <source>Split &amp;Output Channels (LOP)</source>
        <translation>&amp;Ausgabekanäle aufteilen (LOP)</translation>
    </message>
    <message>
        <source>Each device computes a share of the output channels from the whole input</source>
        <translation>Jedes Gerät berechnet einen Anteil der Ausgabekanäle aus der ganzen Eingabe</translation>
    </message>
    <message>
        <source>Split &amp;Input Channels (LIP)</source>
        <translation>&amp;Eingabekanäle aufteilen (LIP)</translation>
    </message>
    <message>
        <source>Each device computes a partial sum from a share of the input channels; the gateway adds them</source>
        <translation>Jedes Gerät berechnet eine Teilsumme aus einem Anteil der Eingabekanäle; das Gateway addiert sie</translation>
    </message>
    <message>
        <source>&amp;Reset Plan (Whole Model on Gateway)</source>
        <translation>Plan &amp;zurücksetzen (ganzes Modell auf dem Gateway)</translation>
    </message>
    <message>
        <source>Reset Plan</source>
        <translation>Plan zurücksetzen</translation>
    </message>
    <message>
        <source>Run the whole model on the gateway again</source>
        <translation>Das ganze Modell wieder auf dem Gateway ausführen</translation>
    </message>
    <message>
        <source>&amp;Optimize…</source>
        <translation>&amp;Optimieren…</translation>
    </message>
    <message>
        <source>Find the plan that minimises latency, traffic or memory under the devices&apos; budgets</source>
        <translation>Den Plan finden, der Latenz, Datenverkehr oder Speicher innerhalb der Budgets der Geräte minimiert</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
    <message>
        <source>Op Categories</source>
        <translation>Op-Kategorien</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>&amp;About Tessera Studio</source>
        <translation>Über Tessera &amp;Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>New Project from Model &amp;Zoo</source>
        <translation>Neues Projekt aus Modell-Z&amp;oo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Partition</source>
        <translation>&amp;Partitionieren</translation>
    </message>
    <message>
        <source>&amp;Place on Device</source>
        <translation>Auf &amp;Gerät platzieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Colour Layers By</source>
        <translation>Schichten &amp;färben nach</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>Be&amp;reiche</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Colour layers by op category or by a cost (heat)</source>
        <translation>Schichten nach Op-Kategorie oder nach Kosten (Wärmebild) färben</translation>
    </message>
    <message>
        <source>Find layer (Ctrl+F)</source>
        <translation>Schicht suchen (Strg+F)</translation>
    </message>
    <message>
        <source>No layer matches &quot;%1&quot;</source>
        <translation>Keine Schicht passt zu „%1“</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Optimized plan applied (Ctrl+Z undoes it)</source>
        <translation>Optimierter Plan übernommen (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Run on &amp;Emulated Cluster</source>
        <translation>Auf &amp;emuliertem Cluster ausführen</translation>
    </message>
    <message>
        <source>Start one tessera-node per device on this machine and stream frames through the plan, with live charts</source>
        <translation>Einen tessera-node pro Gerät auf diesem Rechner starten und Frames durch den Plan schicken, mit Live-Diagrammen</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Ausführen…</translation>
    </message>
    <message>
        <source>The Run panel: target, input, frames</source>
        <translation>Der Bereich Ausführen: Ziel, Eingabe, Frames</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;Deploy to Devices</source>
        <translation>Auf Geräte &amp;verteilen</translation>
    </message>
    <message>
        <source>Copy the plan and tessera-node to the project&apos;s devices over SSH, with per-device progress, without starting them</source>
        <translation>Den Plan und tessera-node per SSH auf die Geräte des Projekts kopieren, mit Fortschritt je Gerät, ohne sie zu starten</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MemoryChart</name>
    <message>
        <source>Memory per device</source>
        <translation>Speicher pro Gerät</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
</context>
<context>
    <name>tessera::ui::OptimizeDialog</name>
    <message>
        <source>Pareto front against the largest device memory</source>
        <translation>Pareto-Front gegen den größten Gerätespeicher</translation>
    </message>
    <message>
        <source>Data reuse in tile blocks</source>
        <translation>Datenwiederverwendung in Kachelblöcken</translation>
    </message>
    <message>
        <source>Channel splits (LOP, LIP)</source>
        <translation>Kanalaufteilungen (LOP, LIP)</translation>
    </message>
    <message>
        <source>&amp;Optimize</source>
        <translation>&amp;Optimieren</translation>
    </message>
    <message>
        <source>Cancel search</source>
        <translation>Suche abbrechen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Optimize the Plan</source>
        <translation>Plan optimieren</translation>
    </message>
    <message>
        <source>Latency (predicted, one frame)</source>
        <translation>Latenz (vorhergesagt, ein Frame)</translation>
    </message>
    <message>
        <source>Traffic (bytes exchanged)</source>
        <translation>Datenverkehr (ausgetauschte Bytes)</translation>
    </message>
    <message>
        <source>Memory (largest device)</source>
        <translation>Speicher (größtes Gerät)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Square tile grids to consider, e.g. 2, 3, 4, 5 (2 means 2x2)</source>
        <translation>Zu prüfende quadratische Kachelraster, z. B. 2, 3, 4, 5 (2 bedeutet 2x2)</translation>
    </message>
    <message>
        <source>Objective and search</source>
        <translation>Ziel und Suche</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>points:</source>
        <translation>Punkte:</translation>
    </message>
    <message>
        <source>Tile grids:</source>
        <translation>Kachelraster:</translation>
    </message>
    <message>
        <source>Deepest tile block:</source>
        <translation>Tiefster Kachelblock:</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Memory budget</source>
        <translation>Speicherbudget</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Memory budgets</source>
        <translation>Speicherbudgets</translation>
    </message>
    <message>
        <source>Choose what to minimise and press Optimize. The current plan stays until you apply a result.</source>
        <translation>Wählen Sie, was minimiert werden soll, und klicken Sie auf Optimieren. Der aktuelle Plan bleibt, bis Sie ein Ergebnis übernehmen.</translation>
    </message>
    <message>
        <source>Optimized</source>
        <translation>Optimiert</translation>
    </message>
    <message>
        <source>Current plan</source>
        <translation>Aktueller Plan</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Angezeigt</translation>
    </message>
    <message>
        <source>Stages of the result:</source>
        <translation>Stufen des Ergebnisses:</translation>
    </message>
    <message>
        <source>Tile grids: &quot;%1&quot; is not a grid size from 1 to 32; write sizes separated by commas, e.g. 2, 3, 4, 5</source>
        <translation>Kachelraster: „%1“ ist keine Rastergröße von 1 bis 32; schreiben Sie Größen durch Kommas getrennt, z. B. 2, 3, 4, 5</translation>
    </message>
    <message>
        <source>Measuring the candidate stages…</source>
        <translation>Die Kandidatenstufen werden vermessen…</translation>
    </message>
    <message>
        <source>Stopping; the best plan found so far is kept…</source>
        <translation>Wird angehalten; der beste bisher gefundene Plan bleibt erhalten…</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on the Pareto front, %1 candidate stages, %2 s; click a point to compare it</source>
        <translation>
            <numerusform>%n Plan auf der Pareto-Front, %1 Kandidatenstufen, %2 s; klicken Sie auf einen Punkt, um ihn zu vergleichen</numerusform>
            <numerusform>%n Pläne auf der Pareto-Front, %1 Kandidatenstufen, %2 s; klicken Sie auf einen Punkt, um ihn zu vergleichen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2, %3 candidate stages, %4 s</source>
        <translation>%1: %2, %3 Kandidatenstufen, %4 s</translation>
    </message>
    <message>
        <source>Apply optimized plan (%1)</source>
        <translation>Optimierten Plan übernehmen (%1)</translation>
    </message>
    <message>
        <source>Traffic against memory</source>
        <translation>Datenverkehr gegen Speicher</translation>
    </message>
    <message>
        <source>Latency against memory</source>
        <translation>Latenz gegen Speicher</translation>
    </message>
    <message>
        <source>Largest device memory (MiB)</source>
        <translation>Größter Gerätespeicher (MiB)</translation>
    </message>
    <message>
        <source>Traffic per frame (MiB)</source>
        <translation>Datenverkehr pro Frame (MiB)</translation>
    </message>
    <message>
        <source>Latency, one frame (ms)</source>
        <translation>Latenz, ein Frame (ms)</translation>
    </message>
    <message>
        <source>Point %1 of %2</source>
        <translation>Punkt %1 von %2</translation>
    </message>
    <message>
        <source>Largest device memory</source>
        <translation>Größter Gerätespeicher</translation>
    </message>
    <message>
        <source>Traffic per frame</source>
        <translation>Datenverkehr pro Frame</translation>
    </message>
    <message>
        <source>Latency, one frame</source>
        <translation>Latenz, ein Frame</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <source>Memory on %1</source>
        <translation>Speicher auf %1</translation>
    </message>
    <message>
        <source>does not compile</source>
        <translation>lässt sich nicht kompilieren</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Over budget by %1</source>
        <translation>Budget um %1 überschritten</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>ganz</translation>
    </message>
    <message>
        <source>%1×%2 tiles%3</source>
        <translation>%1×%2 Kacheln%3</translation>
    </message>
    <message>
        <source>, data reuse</source>
        <translation>, Datenwiederverwendung</translation>
    </message>
    <message>
        <source>output channels split in %1</source>
        <translation>Ausgabekanäle in %1 aufgeteilt</translation>
    </message>
    <message>
        <source>input channels split in %1</source>
        <translation>Eingabekanäle in %1 aufgeteilt</translation>
    </message>
    <message numerus="yes">
        <source>all %n devices</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>alle %n Geräte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 on %3 (%n node(s))</source>
        <translation>
            <numerusform>%1: %2 auf %3 (%n Knoten)</numerusform>
            <numerusform>%1: %2 auf %3 (%n Knoten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Throughput (frames per second, pipelined)</source>
        <translation>Durchsatz (Frames pro Sekunde, im Fließband)</translation>
    </message>
    <message>
        <source>Optimise:</source>
        <translation>Optimieren:</translation>
    </message>
    <message>
        <source>The Pareto front sets latency, traffic or throughput against memory</source>
        <translation>Die Pareto-Front stellt Latenz, Datenverkehr oder Durchsatz dem Speicher gegenüber</translation>
    </message>
    <message>
        <source>Throughput against memory</source>
        <translation>Durchsatz gegen Speicher</translation>
    </message>
    <message>
        <source>Throughput, pipelined (frames/s)</source>
        <translation>Durchsatz im Fließband (Frames/s)</translation>
    </message>
    <message>
        <source>Throughput, pipelined</source>
        <translation>Durchsatz im Fließband</translation>
    </message>
    <message>
        <source>%1 frames/s</source>
        <translation>%1 Frames/s</translation>
    </message>
</context>
<context>
    <name>tessera::ui::OptimizeJob</name>
    <message>
        <source>searching</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>GLPK integer program</source>
        <translation>ganzzahliges Programm (GLPK)</translation>
    </message>
    <message>
        <source>dynamic program</source>
        <translation>dynamische Programmierung</translation>
    </message>
    <message>
        <source> (%1 solves: budgets lowered to leave room for buffers)</source>
        <translation> (%1 Lösungsläufe: Budgets gesenkt, um Platz für Puffer zu lassen)</translation>
    </message>
    <message>
        <source>predicting the plans</source>
        <translation>Vorhersage der Pläne</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PartitionEditor</name>
    <message>
        <source>Cannot fuse these layers: %1</source>
        <translation>Diese Schichten können nicht fusioniert werden: %1</translation>
    </message>
    <message>
        <source>Fuse %1..%2 as %3x%4 tiles</source>
        <translation>%1..%2 als %3x%4 Kacheln fusionieren</translation>
    </message>
    <message>
        <source>Cannot place these layers: %1</source>
        <translation>Diese Schichten können nicht platziert werden: %1</translation>
    </message>
    <message>
        <source>Place %1..%2 on %3</source>
        <translation>%1..%2 auf %3 platzieren</translation>
    </message>
    <message>
        <source>Cannot split these layers by channels: %1</source>
        <translation>Diese Schichten können nicht nach Kanälen aufgeteilt werden: %1</translation>
    </message>
    <message>
        <source>%1..%2</source>
        <translation>%1..%2</translation>
    </message>
    <message>
        <source>Split output channels of %1</source>
        <translation>Ausgabekanäle von %1 aufteilen</translation>
    </message>
    <message>
        <source>Split input channels of %1</source>
        <translation>Eingabekanäle von %1 aufteilen</translation>
    </message>
    <message>
        <source>Select the layers to split first (in the graph or the layer table).</source>
        <translation>Wählen Sie zuerst die aufzuteilenden Schichten (im Graphen oder in der Schichttabelle).</translation>
    </message>
    <message>
        <source>Select the layers to fuse first (in the graph or the layer table).</source>
        <translation>Wählen Sie zuerst die zu fusionierenden Schichten (im Graphen oder in der Schichttabelle).</translation>
    </message>
    <message>
        <source>Select the layers to place first (in the graph or the layer table).</source>
        <translation>Wählen Sie zuerst die zu platzierenden Schichten (im Graphen oder in der Schichttabelle).</translation>
    </message>
    <message>
        <source>Reset the plan</source>
        <translation>Plan zurücksetzen</translation>
    </message>
    <message>
        <source>This layer is not part of a tile block: fuse a layer range first.</source>
        <translation>Diese Schicht gehört zu keinem Kachelblock: Fusionieren Sie zuerst einen Schichtbereich.</translation>
    </message>
    <message>
        <source>Cannot change the tile block: %1</source>
        <translation>Der Kachelblock kann nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>Move the cut lines of %1</source>
        <translation>Schnittlinien von %1 verschieben</translation>
    </message>
    <message>
        <source>A %1x%2 output cannot be cut into %3x%4 tiles: a tile needs at least one row and one column.</source>
        <translation>Eine %1x%2-Ausgabe kann nicht in %3x%4 Kacheln geschnitten werden: Eine Kachel braucht mindestens eine Zeile und eine Spalte.</translation>
    </message>
    <message>
        <source>Cut %1 into %2x%3 tiles</source>
        <translation>%1 in %2x%3 Kacheln schneiden</translation>
    </message>
    <message>
        <source>Set data reuse %1, work stealing %2 for %3</source>
        <translation>Datenwiederverwendung %1, Work-Stealing %2 für %3 einstellen</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message numerus="yes">
        <source>There is no device #%1 in the cluster (it has %n device(s)).</source>
        <translation>
            <numerusform>Im Cluster gibt es kein Gerät Nr. %1 (er hat %n Gerät).</numerusform>
            <numerusform>Im Cluster gibt es kein Gerät Nr. %1 (er hat %n Geräte).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There is no tile %1 in this block (it has %n tile(s)).</source>
        <translation>
            <numerusform>In diesem Block gibt es keine Kachel %1 (er hat %n Kachel).</numerusform>
            <numerusform>In diesem Block gibt es keine Kachel %1 (er hat %n Kacheln).</numerusform>
        </translation>
    </message>
    <message>
        <source>Run tile %1 of %2 on %3</source>
        <translation>Kachel %1 von %2 auf %3 ausführen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This layer is not part of a channel split: split a layer range by channels first.</source>
        <translation>Diese Schicht gehört zu keiner Kanalaufteilung: Teilen Sie zuerst einen Schichtbereich nach Kanälen auf.</translation>
    </message>
    <message>
        <source>Cannot change the channel split</source>
        <translation>Die Kanalaufteilung kann nicht geändert werden</translation>
    </message>
    <message>
        <source>Cut %1 as the LOP stage before it</source>
        <translation>%1 wie die vorangehende LOP-Stufe schneiden</translation>
    </message>
    <message>
        <source>Cannot fuse the LOP and LIP stages</source>
        <translation>Die LOP- und LIP-Stufen können nicht fusioniert werden</translation>
    </message>
    <message>
        <source>Only a LIP stage (a split by input channels) has a reducer.</source>
        <translation>Nur eine LIP-Stufe (eine Aufteilung nach Eingabekanälen) hat einen Reduzierer.</translation>
    </message>
    <message>
        <source>Reduce %1 on its first slice&apos;s device</source>
        <translation>%1 auf dem Gerät des ersten Abschnitts reduzieren</translation>
    </message>
    <message>
        <source>Reduce %1 on %2</source>
        <translation>%1 auf %2 reduzieren</translation>
    </message>
    <message>
        <source>Cannot change the reducer</source>
        <translation>Der Reduzierer kann nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PredictionPanel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Memory / budget</source>
        <translation>Speicher / Budget</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Rechenzeit</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The plan is not valid&lt;/b&gt;; nothing can be predicted until it is fixed.</source>
        <translation>&lt;b&gt;Der Plan ist ungültig&lt;/b&gt;; bis er korrigiert ist, lässt sich nichts vorhersagen.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Latency (one frame):</source>
        <translation>Latenz (ein Frame):</translation>
    </message>
    <message>
        <source>Traffic per frame:</source>
        <translation>Datenverkehr pro Frame:</translation>
    </message>
    <message>
        <source>Redundant work (tile overlap):</source>
        <translation>Redundante Arbeit (Kachelüberlappung):</translation>
    </message>
    <message>
        <source>Stages / tasks:</source>
        <translation>Stufen / Aufgaben:</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Throughput, pipelined:</source>
        <translation>Durchsatz im Fließband:</translation>
    </message>
    <message>
        <source>at most %1 frames/s</source>
        <translation>höchstens %1 Frames/s</translation>
    </message>
    <message>
        <source>A stream of frames pipelined through the plan: one frame per %1, the busiest device&apos;s CPU or link per frame</source>
        <translation>Ein Strom von Frames im Fließband durch den Plan: ein Frame je %1, die meistbelastete CPU oder Verbindung eines Geräts je Frame</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Binary (KiB, MiB, GiB: powers of 1024)</source>
        <translation>Binär (KiB, MiB, GiB: Potenzen von 1024)</translation>
    </message>
    <message>
        <source>Decimal (kB, MB, GB: powers of 1000)</source>
        <translation>Dezimal (kB, MB, GB: Potenzen von 1000)</translation>
    </message>
    <message>
        <source>How sizes are shown in every view; the command line always prints binary units</source>
        <translation>Wie Größen in allen Ansichten angezeigt werden; die Kommandozeile gibt immer binäre Einheiten aus</translation>
    </message>
    <message>
        <source>Size &amp;units:</source>
        <translation>&amp;Größeneinheiten:</translation>
    </message>
    <message>
        <source>the file dialog&apos;s default</source>
        <translation>Vorgabe des Dateidialogs</translation>
    </message>
    <message>
        <source>&amp;Models folder:</source>
        <translation>&amp;Modellordner:</translation>
    </message>
    <message>
        <source>&amp;Projects folder:</source>
        <translation>&amp;Projektordner:</translation>
    </message>
    <message>
        <source>beside tessera-studio</source>
        <translation>neben tessera-studio</translation>
    </message>
    <message>
        <source>The folder holding the tessera-node that Run starts on this machine and copies to the devices (an aarch64 build is looked for in ../aarch64/bin)</source>
        <translation>Der Ordner mit dem tessera-node, den Ausführen auf diesem Rechner startet und auf die Geräte kopiert (ein aarch64-Build wird in ../aarch64/bin gesucht)</translation>
    </message>
    <message>
        <source>tessera-&amp;node folder:</source>
        <translation>Ordner für tessera-&amp;node:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How often unsaved changes are written to a side file for crash recovery</source>
        <translation>Wie oft ungespeicherte Änderungen für die Wiederherstellung nach einem Absturz in eine Nebendatei geschrieben werden</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>&amp;Automatisch speichern alle:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a Folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>System: the language of the desktop when Tessera Studio has it, else English</source>
        <translation>System: die Sprache des Desktops, wenn Tessera Studio sie hat, sonst Englisch</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>A new language is shown when Tessera Studio starts again.</source>
        <translation>Eine neue Sprache wird nach dem nächsten Start von Tessera Studio angezeigt.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectDocument</name>
    <message>
        <source>unknown key &quot;%1&quot; (valid keys: %2)</source>
        <translation>unbekannter Schlüssel &quot;%1&quot; (gültige Schlüssel: %2)</translation>
    </message>
    <message>
        <source>not valid JSON (byte %1): %2</source>
        <translation>kein gültiges JSON (Byte %1): %2</translation>
    </message>
    <message>
        <source>not a Tessera project (expected a JSON object)</source>
        <translation>kein Tessera-Projekt (JSON-Objekt erwartet)</translation>
    </message>
    <message>
        <source>not a Tessera project (&quot;format&quot; must be &quot;%1&quot;)</source>
        <translation>kein Tessera-Projekt (&quot;format&quot; muss &quot;%1&quot; sein)</translation>
    </message>
    <message>
        <source>&quot;version&quot; must be a whole number from 1</source>
        <translation>&quot;version&quot; muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>written by a newer Tessera (project format version %1; this version reads up to %2) — update Tessera</source>
        <translation>von einem neueren Tessera geschrieben (Projektformat-Version %1; diese Version liest bis %2) — aktualisieren Sie Tessera</translation>
    </message>
    <message>
        <source>model: give either &quot;zoo&quot; (a model of the zoo, e.g. &quot;yolov2-608&quot;) or &quot;path&quot; (a model file)</source>
        <translation>model: entweder &quot;zoo&quot; (ein Modell des Zoos, z. B. &quot;yolov2-608&quot;) oder &quot;path&quot; (eine Modelldatei) angeben</translation>
    </message>
    <message>
        <source>cluster: required, a cluster as in a cluster file (docs/file-formats.md)</source>
        <translation>cluster: erforderlich, ein Cluster wie in einer Cluster-Datei (docs/file-formats.md)</translation>
    </message>
    <message>
        <source>plan: expected a plan as in a plan file (docs/file-formats.md)</source>
        <translation>plan: ein Plan wie in einer Plan-Datei erwartet (docs/file-formats.md)</translation>
    </message>
    <message>
        <source>solver.time_limit: expected a positive number of seconds</source>
        <translation>solver.time_limit: eine positive Anzahl Sekunden erwartet</translation>
    </message>
    <message>
        <source>solver.objective: &quot;%1&quot; is not one of memory, traffic, latency, throughput</source>
        <translation>solver.objective: &quot;%1&quot; ist keiner der Werte memory, traffic, latency, throughput</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ProjectModel</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>new project</source>
        <translation>neues Projekt</translation>
    </message>
    <message>
        <source>The model file %1 changed since the project was saved (its SHA-256 differs).</source>
        <translation>Die Modelldatei %1 hat sich geändert, seit das Projekt gespeichert wurde (ihr SHA-256 weicht ab).</translation>
    </message>
    <message>
        <source>There is no project to save.</source>
        <translation>Es gibt kein Projekt zum Speichern.</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PropertiesPanel</name>
    <message>
        <source>&lt;p style=&apos;color:#777&apos;&gt;Select a layer in the graph or the table to see its properties.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#777&apos;&gt;Wählen Sie eine Schicht im Graphen oder in der Tabelle, um ihre Eigenschaften zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>%1 selected: %2 … %3</source>
        <translation>%1 ausgewählt: %2 … %3</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>tensor</source>
        <translation>Tensor</translation>
    </message>
    <message>
        <source>[%1 values]</source>
        <translation>[%1 Werte]</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ReportExportDialog</name>
    <message>
        <source>&amp;Compare with a second plan</source>
        <translation>Mit einem zweiten Plan &amp;vergleichen</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durchsuc&amp;hen…</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML-Seite</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>CSV tables</source>
        <translation>CSV-Tabellen</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>plan.json</source>
        <translation>plan.json</translation>
    </message>
    <message>
        <source>Put a second plan beside the project&apos;s: stages, memory, traffic, latency and throughput of both, as tessera report --compare does</source>
        <translation>Einen zweiten Plan neben den des Projekts stellen: Stufen, Speicher, Datenverkehr, Latenz und Durchsatz beider, wie tessera report --compare</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Plan file:</source>
        <translation>&amp;Plandatei:</translation>
    </message>
    <message>
        <source>A plan file (JSON) for this project&apos;s model and cluster, as tessera plan or tessera optimize writes it. The report compares it with the project&apos;s plan.</source>
        <translation>Eine Plandatei (JSON) für Modell und Cluster dieses Projekts, wie tessera plan oder tessera optimize sie schreiben. Der Bericht vergleicht sie mit dem Plan des Projekts.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>HTML page (*.html)</source>
        <translation>HTML-Seite (*.html)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV-Tabellen (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Plan to Compare</source>
        <translation>Plan zum Vergleichen</translation>
    </message>
    <message>
        <source>Plan files (*.json);;All files (*)</source>
        <translation>Plandateien (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunCharts</name>
    <message>
        <source>Peak RSS</source>
        <translation>Spitzen-RSS</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Latency per frame (end to end) and compute per device</source>
        <translation>Latenz pro Frame (Ende zu Ende) und Rechenzeit pro Gerät</translation>
    </message>
    <message>
        <source>s since start</source>
        <translation>s seit Start</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>End to end</source>
        <translation>Ende zu Ende</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>frames/s</source>
        <translation>Frames/s</translation>
    </message>
    <message>
        <source>Frames/s (last %1 frames)</source>
        <translation>Frames/s (letzte %1 Frames)</translation>
    </message>
    <message>
        <source>Peak memory per device</source>
        <translation>Spitzenspeicher pro Gerät</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunJob</name>
    <message>
        <source>connecting</source>
        <translation>verbinde</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Starting the emulated cluster</source>
        <translation>Der emulierte Cluster wird gestartet</translation>
    </message>
    <message>
        <source>Writing the bundles</source>
        <translation>Die Bundles werden geschrieben</translation>
    </message>
    <message>
        <source>Waiting until every node serves</source>
        <translation>Warten, bis jeder Knoten bereit ist</translation>
    </message>
    <message>
        <source>serving (pid %1)</source>
        <translation>bereit (PID %1)</translation>
    </message>
    <message>
        <source>loading (pid %1)</source>
        <translation>lädt (PID %1)</translation>
    </message>
    <message>
        <source>%1 of %2 devices cannot be reached over SSH: %3. Give every device a host and an &quot;ssh&quot; block in the project&apos;s cluster (docs/file-formats.md), or run on the emulated local cluster.</source>
        <translation>%1 von %2 Geräten sind über SSH nicht erreichbar: %3. Geben Sie jedem Gerät im Cluster des Projekts einen Host und einen &quot;ssh&quot;-Block (docs/file-formats.md), oder führen Sie auf dem emulierten lokalen Cluster aus.</translation>
    </message>
    <message>
        <source>Deploying to %1 devices</source>
        <translation>Verteilen auf %1 Geräte</translation>
    </message>
    <message>
        <source>Deploying failed on %1 devices: %2</source>
        <translation>Verteilen auf %1 Geräte fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>serving</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Starting the nodes failed: %1</source>
        <translation>Starten der Knoten fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Running %1 frames</source>
        <translation>%1 Frames werden ausgeführt</translation>
    </message>
    <message>
        <source>Running until stopped</source>
        <translation>Läuft bis zum Stoppen</translation>
    </message>
    <message>
        <source>The gateway refused the telemetry subscription (keys differ)</source>
        <translation>Das Gateway hat das Telemetrie-Abonnement abgelehnt (Schlüssel unterscheiden sich)</translation>
    </message>
    <message>
        <source>Open a project with a model and at least one device first.</source>
        <translation>Öffnen Sie zuerst ein Projekt mit einem Modell und mindestens einem Gerät.</translation>
    </message>
    <message>
        <source>Compiling the plan</source>
        <translation>Der Plan wird kompiliert</translation>
    </message>
    <message>
        <source>Stopping the nodes</source>
        <translation>Die Knoten werden gestoppt</translation>
    </message>
    <message>
        <source>deployed</source>
        <translation>verteilt</translation>
    </message>
    <message>
        <source>Deploy sends the plan to the project&apos;s devices over SSH: choose them as the target (the emulated cluster runs from this machine&apos;s files).</source>
        <translation>Verteilen sendet den Plan per SSH an die Geräte des Projekts: Wählen Sie diese als Ziel (der emulierte Cluster läuft aus den Dateien dieses Rechners).</translation>
    </message>
    <message>
        <source>Deploying was stopped: a device that had not finished keeps its previous release.</source>
        <translation>Verteilen wurde gestoppt: Ein Gerät, das nicht fertig wurde, behält seinen vorherigen Stand.</translation>
    </message>
    <message>
        <source>Measuring this machine&apos;s speed per core</source>
        <translation>Geschwindigkeit dieses Rechners pro Kern wird gemessen</translation>
    </message>
    <message>
        <source>no free subnet in 10.201.0.0/16 for the devices&apos; bridge</source>
        <translation>kein freies Subnetz in 10.201.0.0/16 für die Bridge der Geräte</translation>
    </message>
</context>
<context>
    <name>tessera::ui::RunPanel</name>
    <message>
        <source>Until stopped</source>
        <translation>Bis zum Stoppen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Emulated local cluster</source>
        <translation>Emulierter lokaler Cluster</translation>
    </message>
    <message>
        <source>The project&apos;s devices (SSH)</source>
        <translation>Die Geräte des Projekts (SSH)</translation>
    </message>
    <message>
        <source>Generated input</source>
        <translation>Generierte Eingabe</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <source>Video file</source>
        <translation>Videodatei</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Frames at the gateway at once (pipelining)</source>
        <translation>Gleichzeitige Frames am Gateway (Pipelining)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Rechenzeit</translation>
    </message>
    <message>
        <source>Peak RSS</source>
        <translation>Spitzen-RSS</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Gleichzeitig</translation>
    </message>
    <message>
        <source>Video File</source>
        <translation>Videodatei</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.mkv *.avi *.mov *.webm *.m4v);;All files (*)</source>
        <translation>Videos (*.mp4 *.mkv *.avi *.mov *.webm *.m4v);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Image Folder</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <source>Video file (MP4, MKV, AVI, ...)</source>
        <translation>Videodatei (MP4, MKV, AVI, …)</translation>
    </message>
    <message>
        <source>Folder of images (PNG, JPEG, ...)</source>
        <translation>Bildordner (PNG, JPEG, …)</translation>
    </message>
    <message>
        <source>Choose the video file</source>
        <translation>Videodatei wählen</translation>
    </message>
    <message>
        <source>Choose the image folder</source>
        <translation>Bildordner wählen</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), median latency %1 ms, %2 frames/s</source>
        <translation>
            <numerusform>%n Frame, Latenz im Median %1 ms, %2 Frames/s</numerusform>
            <numerusform>%n Frames, Latenz im Median %1 ms, %2 Frames/s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n frame(s); the nodes are stopped.</source>
        <translation>
            <numerusform>Fertig: %n Frame; die Knoten sind gestoppt.</numerusform>
            <numerusform>Fertig: %n Frames; die Knoten sind gestoppt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation>Lauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Verteilen</translation>
    </message>
    <message>
        <source>Copy the plan&apos;s bundles and tessera-node to every device over SSH, with per-device progress, and start nothing (the project&apos;s devices only)</source>
        <translation>Die Pakete des Plans und tessera-node per SSH auf jedes Gerät kopieren, mit Fortschritt je Gerät, ohne etwas zu starten (nur die Geräte des Projekts)</translation>
    </message>
    <message>
        <source>Deploy is for the project&apos;s devices: choose them under Run on.</source>
        <translation>Verteilen gilt den Geräten des Projekts: Wählen Sie sie unter „Ausführen auf“.</translation>
    </message>
    <message numerus="yes">
        <source>Deployed to %n device(s); Run starts them.</source>
        <translation>
            <numerusform>Auf %n Gerät verteilt; Ausführen startet es.</numerusform>
            <numerusform>Auf %n Geräte verteilt; Ausführen startet sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploying failed: %1</source>
        <translation>Verteilen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Emulated: one tessera-node process per device on this machine, as root each in a network namespace with the device&apos;s link rate, memory budget and speed (a CPU quota); otherwise on loopback, unlimited. Devices: deploy over SSH to each device&apos;s host and run there.</source>
        <translation>Emuliert: ein tessera-node-Prozess pro Gerät auf diesem Rechner, als root jeder in einem eigenen Netzwerk-Namespace mit Linkrate, Speicherbudget und Geschwindigkeit (CPU-Quote) des Geräts; sonst über Loopback, unbegrenzt. Geräte: über SSH auf den Host jedes Geräts verteilen und dort ausführen.</translation>
    </message>
    <message>
        <source>Emulated as</source>
        <translation>Emuliert als</translation>
    </message>
    <message>
        <source>What the emulated cluster holds the device to: CPU quota, link rate each way, memory limit</source>
        <translation>Woran der emulierte Cluster das Gerät hält: CPU-Quote, Linkrate je Richtung, Speichergrenze</translation>
    </message>
    <message>
        <source>Not emulated (%1): the nodes run as processes on loopback without link, CPU or memory limits, so the results are not those of the devices.</source>
        <translation>Nicht emuliert (%1): Die Knoten laufen als Prozesse über Loopback ohne Link-, CPU- oder Speichergrenzen; die Ergebnisse sind daher nicht die der Geräte.</translation>
    </message>
    <message>
        <source>Emulated: each device in a network namespace with its link rate, memory budget and a CPU quota for its speed (this machine: %1 GMAC/s per core).</source>
        <translation>Emuliert: jedes Gerät in einem Netzwerk-Namespace mit seiner Linkrate, seinem Speicherbudget und einer CPU-Quote für seine Geschwindigkeit (dieser Rechner: %1 GMAC/s pro Kern).</translation>
    </message>
    <message>
        <source>%1 core</source>
        <translation>%1 Kern</translation>
    </message>
    <message>
        <source>CPU unlimited</source>
        <translation>CPU unbegrenzt</translation>
    </message>
    <message>
        <source>link unshaped</source>
        <translation>Link ungedrosselt</translation>
    </message>
    <message>
        <source>memory unlimited</source>
        <translation>Speicher unbegrenzt</translation>
    </message>
    <message>
        <source>not limited</source>
        <translation>nicht begrenzt</translation>
    </message>
    <message>
        <source>CPU quota: %1; link each way: %2; memory limit: %3</source>
        <translation>CPU-Quote: %1; Link je Richtung: %2; Speichergrenze: %3</translation>
    </message>
</context>
<context>
    <name>tessera::ui::StageExplanation</name>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TileCanvas</name>
    <message>
        <source>Output of %1: %2 × %3</source>
        <translation>Ausgabe von %1: %2 × %3</translation>
    </message>
    <message>
        <source>device #%1</source>
        <translation>Gerät Nr. %1</translation>
    </message>
    <message>
        <source>Block input &apos;%1&apos;: %2 × %3</source>
        <translation>Blockeingabe &apos;%1&apos;: %2 × %3</translation>
    </message>
    <message>
        <source>Receptive regions outlined, overlaps shaded (darker: more tiles). The tiles read %1× this input.</source>
        <translation>Rezeptive Bereiche umrandet, Überlappungen schattiert (dunkler: mehr Kacheln). Die Kacheln lesen diese Eingabe %1-fach.</translation>
    </message>
    <message>
        <source>Row cut at %1: drag up or down to resize the tiles</source>
        <translation>Zeilenschnitt bei %1: nach oben oder unten ziehen, um die Kacheln anzupassen</translation>
    </message>
    <message>
        <source>Column cut at %1: drag left or right to resize the tiles</source>
        <translation>Spaltenschnitt bei %1: nach links oder rechts ziehen, um die Kacheln anzupassen</translation>
    </message>
    <message>
        <source>Tile %1: rows %2–%3, columns %4–%5, on %6. Drag it onto a device to move it.</source>
        <translation>Kachel %1: Zeilen %2–%3, Spalten %4–%5, auf %6. Auf ein Gerät ziehen, um sie zu verschieben.</translation>
    </message>
    <message>
        <source>Reads rows %1–%2, columns %3–%4 of %5.</source>
        <translation>Liest Zeilen %1–%2, Spalten %3–%4 von %5.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TileEditor</name>
    <message>
        <source>Select a layer of a tile block (in the graph or the layer table) to edit its tiles here.</source>
        <translation>Wählen Sie eine Schicht eines Kachelblocks (im Graphen oder in der Schichttabelle), um hier seine Kacheln zu bearbeiten.</translation>
    </message>
    <message>
        <source>%1 is not in a tile block.</source>
        <translation>%1 gehört zu keinem Kachelblock.</translation>
    </message>
    <message>
        <source>Tile blocks of this plan: %1</source>
        <translation>Kachelblöcke dieses Plans: %1</translation>
    </message>
    <message>
        <source>To make a tile block, select a range of layers (click the first, Shift+click the last) and choose Partition → Fuse as Tile Block… (Ctrl+T). Its output is cut into a grid of tiles that the devices compute in parallel.</source>
        <translation>Um einen Kachelblock zu bilden, wählen Sie einen Schichtbereich (die erste anklicken, die letzte mit Umschalt+Klick) und dann Partitionieren → Als Kachelblock fusionieren… (Strg+T). Seine Ausgabe wird in ein Raster von Kacheln geschnitten, die die Geräte parallel berechnen.</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>Data reuse</source>
        <translation>Datenwiederverwendung</translation>
    </message>
    <message>
        <source>Work stealing</source>
        <translation>Work-Stealing</translation>
    </message>
    <message>
        <source>Rows of tiles: the block&apos;s output is re-cut evenly</source>
        <translation>Kachelzeilen: Die Blockausgabe wird gleichmäßig neu geschnitten</translation>
    </message>
    <message>
        <source>Columns of tiles: the block&apos;s output is re-cut evenly</source>
        <translation>Kachelspalten: Die Blockausgabe wird gleichmäßig neu geschnitten</translation>
    </message>
    <message>
        <source>DeepThings&apos; data reuse: in a checkerboard, the hatched (odd) tiles fetch the borders they share with their neighbours instead of recomputing them</source>
        <translation>Datenwiederverwendung nach DeepThings: Im Schachbrettmuster holen die schraffierten (ungeraden) Kacheln die Ränder, die sie mit ihren Nachbarn teilen, statt sie neu zu berechnen</translation>
    </message>
    <message>
        <source>Work stealing: an idle device takes pending tiles from a busy one at run time</source>
        <translation>Work-Stealing: Ein untätiges Gerät übernimmt zur Laufzeit ausstehende Kacheln von einem beschäftigten</translation>
    </message>
    <message>
        <source>Show Input</source>
        <translation>Eingabe zeigen</translation>
    </message>
    <message>
        <source>Show the block&apos;s input with every tile&apos;s receptive region; overlaps are shaded</source>
        <translation>Die Blockeingabe mit dem rezeptiven Bereich jeder Kachel zeigen; Überlappungen sind schattiert</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Drag a tile onto a device, or a device onto a tile:</source>
        <translation>Eine Kachel auf ein Gerät ziehen oder ein Gerät auf eine Kachel:</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 … %2&lt;/b&gt; · %n layer(s) · output %3 · %4 × %5 tiles</source>
        <translation>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %n Schicht · Ausgabe %3 · %4 × %5 Kacheln</numerusform>
            <numerusform>&lt;b&gt;%1 … %2&lt;/b&gt; · %n Schichten · Ausgabe %3 · %4 × %5 Kacheln</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan does not compile: %1</source>
        <translation>Der Plan lässt sich nicht kompilieren: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TimelineCanvas</name>
    <message>
        <source>No valid plan to simulate.</source>
        <translation>Kein gültiger Plan zum Simulieren.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TimelineView</name>
    <message>
        <source>Frames sent back to back: more than one shows the pipeline filling</source>
        <translation>Direkt nacheinander gesendete Frames: Bei mehr als einem sieht man, wie sich die Pipeline füllt</translation>
    </message>
    <message>
        <source>Frames:</source>
        <translation>Frames:</translation>
    </message>
    <message>
        <source>sends</source>
        <translation>sendet</translation>
    </message>
    <message numerus="yes">
        <source>One frame: %1 end to end, %n task(s)</source>
        <translation>
            <numerusform>Ein Frame: %1 Ende zu Ende, %n Aufgabe</numerusform>
            <numerusform>Ein Frame: %1 Ende zu Ende, %n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 frames: latency %2 to %3, throughput %4 frames/s</source>
        <translation>%1 Frames: Latenz %2 bis %3, Durchsatz %4 Frames/s</translation>
    </message>
    <message>
        <source>%1 from %2 to %3%4, frame %5
%6 to %7 (%8)</source>
        <translation>%1 von %2 an %3%4, Frame %5
%6 bis %7 (%8)</translation>
    </message>
    <message>
        <source> (result)</source>
        <translation> (Ergebnis)</translation>
    </message>
    <message>
        <source>reduction</source>
        <translation>Reduktion</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>Zelle %1</translation>
    </message>
    <message>
        <source>Stage %1 (%2), %3, frame %4
%5 to %6 (%7) on %8</source>
        <translation>Stufe %1 (%2), %3, Frame %4
%5 bis %6 (%7) auf %8</translation>
    </message>
</context>
<context>
    <name>tessera::ui::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Tessera Studio&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Tessera Studio&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Design how a CNN is split across small edge devices: see every layer&apos;s cost, fuse layers into tiles, place layers on devices and check each device&apos;s memory and the predicted latency before anything runs.</source>
        <translation>Entwerfen Sie, wie ein CNN auf kleine Edge-Geräte aufgeteilt wird: die Kosten jeder Schicht sehen, Schichten zu Kacheln fusionieren, Schichten auf Geräten platzieren und den Speicher jedes Geräts und die vorhergesagte Latenz prüfen, bevor etwas läuft.</translation>
    </message>
    <message>
        <source>Open the sample project (YOLOv2 on six emulated devices)</source>
        <translation>Beispielprojekt öffnen (YOLOv2 auf sechs emulierten Geräten)</translation>
    </message>
    <message>
        <source>Open a project…</source>
        <translation>Projekt öffnen…</translation>
    </message>
    <message>
        <source>New project from a model…</source>
        <translation>Neues Projekt aus einem Modell…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent projects&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zuletzt geöffnete Projekte&lt;/b&gt;</translation>
    </message>
</context>
</TS>
