<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>@default</name>
        <message>
            <location filename="../processing/detect.py" line="120" />
            <source>Boundary threshold for splitting touching objects (0: the snapshot's calibrated value)</source>
            <translation>Grenzschwelle zum Trennen sich berührender Objekte (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="146" />
            <source>Boxes (rectangles)</source>
            <translation>Rahmen (Rechtecke)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="150" />
            <source>Count mode, boxes from the box head: the largest IoU two boxes may share, the lower-scored box of a pair overlapping more is dropped (0: the snapshot's value)</source>
            <translation>Zählmodus, Rahmen aus dem Rahmen-Kopf: die größte IoU, die zwei Rahmen teilen dürfen; von zwei Rahmen, die sich stärker überlappen, wird der schwächer bewertete entfernt (0: der Wert des Snapshots)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="147" />
            <source>Count mode: objects as</source>
            <translation>Zählmodus: Objekte als</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="138" />
            <source>Flip test-time augmentation (4× the network's work)</source>
            <translation>Spiegelungs-Testzeit-Augmentierung (4× die Arbeit des Netzes)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="167" />
            <source>Minimum area of a detection (square map units)</source>
            <translation>Mindestfläche einer Erkennung (Karteneinheiten zum Quadrat)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="111" />
            <source>Minimum score (0: the snapshot's calibrated value)</source>
            <translation>Mindestwert (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="129" />
            <source>Minimum size of a detection in pixels (0: the snapshot's calibrated value)</source>
            <translation>Mindestgröße einer Erkennung in Pixeln (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="145" />
            <source>Outlines (the objects' pixels)</source>
            <translation>Umrisse (die Pixel der Objekte)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="162" />
            <source>Segmentation mode: one feature per connected area (else one per class)</source>
            <translation>Segmentierungsmodus: ein Objekt je zusammenhängender Fläche (sonst eines je Klasse)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="144" />
            <source>The snapshot's choice (boxes where its labels were boxes)</source>
            <translation>Wahl des Snapshots (Rahmen, wo seine Labels Rahmen waren)</translation>
        </message>
    </context>
    <context>
        <name>CompareSnapshotsAlgorithm</name>
        <message>
            <location filename="../processing/compare_snapshots.py" line="85" />
            <source>Area of interest (optional)</source>
            <translation>Interessengebiet (optional)</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="55" />
            <source>Compare snapshots</source>
            <translation>Snapshots vergleichen</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="58" />
            <source>Compares two snapshots of a model.

Metrics: every metric of either snapshot, overall and per class, side by side with the difference (second minus first).

Training data changes: the training areas and labels in one snapshot and not in the other, with a “change” field: “added” (only in the second) or “removed” (only in the first). An edited feature shows as one removed and one added.

With a raster, both snapshots' detections on it are added as two layers in one group, outlined in orange (first) and dashed blue (second). A detection already made from a snapshot on that raster with the snapshot's own settings, over the whole raster or the same area, is reused instead of run again.</source>
            <translation>Vergleicht zwei Snapshots eines Modells.

Metriken: jede Metrik eines der beiden Snapshots, gesamt und je Klasse, nebeneinander mit der Differenz (zweiter minus erster).

Änderungen der Trainingsdaten: die Trainingsbereiche und Labels, die in einem Snapshot und nicht im anderen sind, mit einem Feld „change“: „added“ (nur im zweiten) oder „removed“ (nur im ersten). Ein bearbeitetes Objekt erscheint als ein entferntes und ein hinzugefügtes.

Mit einem Raster werden die Erkennungen beider Snapshots darauf als zwei Layer in einer Gruppe hinzugefügt, orange umrandet (erster) und blau gestrichelt (zweiter). Eine Erkennung, die ein Snapshot auf diesem Raster mit seinen eigenen Einstellungen bereits gemacht hat, auf dem ganzen Raster oder demselben Gebiet, wird wiederverwendet statt neu berechnet.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="179" />
            <source>Detected: {path}.</source>
            <translation>Erkannt: {path}.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="97" />
            <source>Detections of the first snapshot</source>
            <translation>Erkennungen des ersten Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="100" />
            <source>Detections of the second snapshot</source>
            <translation>Erkennungen des zweiten Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="103" />
            <source>Detections reused</source>
            <translation>Wiederverwendete Erkennungen</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="104" />
            <source>Features added</source>
            <translation>Hinzugefügte Objekte</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="105" />
            <source>Features removed</source>
            <translation>Entfernte Objekte</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="74" />
            <source>First snapshot (id or name)</source>
            <translation>Erster Snapshot (ID oder Name)</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="95" />
            <source>Metrics</source>
            <translation>Metriken</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="80" />
            <source>Raster to detect on (optional)</source>
            <translation>Raster für die Erkennung (optional)</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="90" />
            <source>Reuse detections already made</source>
            <translation>Bereits gemachte Erkennungen wiederverwenden</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="179" />
            <source>Reused {path}.</source>
            <translation>Wiederverwendet: {path}.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="75" />
            <source>Second snapshot (id or name; empty: the current state)</source>
            <translation>Zweiter Snapshot (ID oder Name; leer: der aktuelle Stand)</translation>
        </message>
        <message>
            <source>The area of interest has no polygon.</source>
            <translation type="obsolete">Das Interessensgebiet enthält kein Polygon.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="166" />
            <source>The raster scene cannot be opened.</source>
            <translation>Die Rasterszene kann nicht geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="96" />
            <source>Training data changes</source>
            <translation>Änderungen der Trainingsdaten</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="148" />
            <source>Training data: {added} feature(s) added, {removed} removed.</source>
            <translation>Trainingsdaten: {added} Objekt(e) hinzugefügt, {removed} entfernt.</translation>
        </message>
    </context>
    <context>
        <name>CreateModelAlgorithm</name>
        <message>
            <location filename="../processing/create_model.py" line="84" />
            <source>Bands (comma-separated; empty: every band but alpha)</source>
            <translation>Bänder (durch Kommas getrennt; leer: alle außer Alpha)</translation>
        </message>
        <message>
            <source>Bands (comma-separated; empty: the first three)</source>
            <translation type="obsolete">Bänder (durch Kommas getrennt; leer: die ersten drei)</translation>
        </message>
        <message>
            <source>Bands must be numbers separated by commas, not “{text}”.</source>
            <translation type="obsolete">Bänder müssen durch Kommas getrennte Zahlen sein, nicht „{text}“.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="110" />
            <source>Class field of the labels (class number or name)</source>
            <translation>Klassenfeld der Labels (Klassennummer oder -name)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="74" />
            <source>Classes (comma-separated)</source>
            <translation>Klassen (durch Kommas getrennt)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="207" />
            <source>Copied {n} labels.</source>
            <translation>{n} Labels kopiert.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="207" />
            <source>Copied {n} training areas.</source>
            <translation>{n} Trainingsgebiete kopiert.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="147" />
            <source>Count mode with object centres: learn each object's box (box head)</source>
            <translation>Zählmodus mit Objektzentren: den Rahmen jedes Objekts lernen (Rahmen-Kopf)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>Count mode: how touching objects are told apart</source>
            <translation>Zählmodus: wie sich berührende Objekte unterschieden werden</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="54" />
            <source>Create model</source>
            <translation>Modell erstellen</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="214" />
            <source>Created model “{name}” ({id}).</source>
            <translation>Modell „{name}“ erstellt ({id}).</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="57" />
            <source>Creates a new AI model in the workspace beside the project. The model takes its input (coordinate reference system, pixel size, bands and data type) from the raster scene, which is recorded as the model's first scene.

Classes: names separated by commas, each optionally followed by a colour, e.g. “Tree” or “Tree:#2ca02c, Shrub:#ff7f0e”.
Mode: “count” finds individual objects (trees, cars) and separates touching ones; “segmentation” maps areas.
Training areas and labels (optional) are polygon layers copied into the model's training GeoPackage; the labels' class field holds a class number (1, 2, …) or a class name.

Outputs the new model's id.</source>
            <translation>Erstellt ein neues KI-Modell im Arbeitsbereich neben dem Projekt. Das Modell übernimmt seine Eingabe (Koordinatenbezugssystem, Pixelgröße, Bänder und Datentyp) von der Rasterszene, die als erste Szene des Modells eingetragen wird.

Klassen: durch Kommas getrennte Namen, jeweils optional gefolgt von einer Farbe, z. B. „Baum“ oder „Baum:#2ca02c, Strauch:#ff7f0e“.
Modus: „Zählen“ findet einzelne Objekte (Bäume, Autos) und trennt sich berührende; „Segmentierung“ kartiert Flächen.
Trainingsgebiete und Labels (optional) sind Polygonlayer, die in das Trainings-GeoPackage des Modells kopiert werden; das Klassenfeld der Labels enthält eine Klassennummer (1, 2, …) oder einen Klassennamen.

Gibt die ID des neuen Modells aus.</translation>
        </message>
        <message>
            <source>Give at least one class name.</source>
            <translation type="obsolete">Geben Sie mindestens einen Klassennamen an.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="105" />
            <source>Labels</source>
            <translation>Labels</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="75" />
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="154" />
            <source>Model id</source>
            <translation>Modell-ID</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="155" />
            <source>Model name</source>
            <translation>Modellname</translation>
        </message>
        <message>
            <source>Network depth</source>
            <translation type="obsolete">Netztiefe</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Network depth (0: from the labels)</source>
            <translation>Netztiefe (0: aus den Labels)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Network width</source>
            <translation>Netzbreite</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Network working scale: 1 full resolution, 2 half, 4 quarter (0: from the labels)</source>
            <translation>Arbeitsmaßstab des Netzes: 1 volle Auflösung, 2 halbe, 4 viertel (0: aus den Labels)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="97" />
            <source>Purpose field of the training areas (train / validation)</source>
            <translation>Zweckfeld der Trainingsgebiete (train / validation)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="83" />
            <source>Raster scene</source>
            <translation>Rasterszene</translation>
        </message>
        <message>
            <source>The raster has bands 1…{n}; “{text}” is not a valid choice.</source>
            <translation type="obsolete">Das Raster hat die Bänder 1…{n}; „{text}“ ist keine gültige Auswahl.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="164" />
            <source>The raster scene cannot be opened.</source>
            <translation>Die Rasterszene kann nicht geöffnet werden.</translation>
        </message>
        <message>
            <source>Tile size (pixels)</source>
            <translation type="obsolete">Kachelgröße (Pixel)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Tile size in pixels (0: from the labels)</source>
            <translation>Kachelgröße in Pixeln (0: aus den Labels)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="156" />
            <source>Training GeoPackage</source>
            <translation>Trainings-GeoPackage</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="89" />
            <source>Training areas</source>
            <translation>Trainingsgebiete</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="75" />
            <source>count</source>
            <translation>Zählen</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>distance to the object's edge (the earlier default)</source>
            <translation>Abstand zum Objektrand (die frühere Voreinstellung)</translation>
        </message>
        <message>
            <source>distance to the object's edge (touching and overlapping objects)</source>
            <translation type="obsolete">Abstand zum Objektrand (sich berührende und überlappende Objekte)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>object centres (touching and overlapping objects)</source>
            <translation>Objektmitten (sich berührende und überlappende Objekte)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="75" />
            <source>segmentation</source>
            <translation>Segmentierung</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>thin rims (objects that barely touch)</source>
            <translation>dünne Ränder (Objekte, die sich kaum berühren)</translation>
        </message>
        <message>
            <source>“{colour}” is not a #rrggbb colour (class “{name}”).</source>
            <translation type="obsolete">„{colour}“ ist keine #rrggbb-Farbe (Klasse „{name}“).</translation>
        </message>
    </context>
    <context>
        <name>DetectAlgorithm</name>
        <message>
            <location filename="../processing/detect.py" line="83" />
            <source>Area of interest</source>
            <translation>Interessensgebiet</translation>
        </message>
        <message>
            <source>Boundary threshold for splitting touching objects (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Grenzschwelle zum Trennen sich berührender Objekte (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="232" />
            <source>Boxes dropped as the same object found twice (IoU above {iou}, {source}): {n}.</source>
            <translation>Rahmen entfernt, weil dasselbe Objekt zweimal gefunden wurde (IoU über {iou}, {source}): {n}.</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation type="obsolete">CPU</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="206" />
            <source>Detecting with model “{model}”, snapshot “{snapshot}” ({kind}).</source>
            <translation>Erkennung mit Modell „{model}“, Snapshot „{snapshot}“ ({kind}).</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="92" />
            <source>Detections</source>
            <translation>Erkennungen</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="93" />
            <source>Detections GeoPackage</source>
            <translation>GeoPackage der Erkennungen</translation>
        </message>
        <message>
            <source>Device</source>
            <translation type="obsolete">Rechengerät</translation>
        </message>
        <message>
            <source>Flip test-time augmentation (4× slower)</source>
            <translation type="obsolete">Spiegel-Testzeit-Augmentierung (4× langsamer)</translation>
        </message>
        <message>
            <source>GPU (CUDA)</source>
            <translation type="obsolete">GPU (CUDA)</translation>
        </message>
        <message>
            <source>Layer name</source>
            <translation type="obsolete">Layername</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="96" />
            <source>Layer name inside the GeoPackage</source>
            <translation>Layername im GeoPackage</translation>
        </message>
        <message>
            <source>Minimum area of a detection (square map units)</source>
            <translation type="obsolete">Mindestfläche einer Erkennung (Karteneinheiten zum Quadrat)</translation>
        </message>
        <message>
            <source>Minimum score</source>
            <translation type="obsolete">Mindestwert</translation>
        </message>
        <message>
            <source>Minimum score (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Mindestwert (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <source>Minimum size of a detection in pixels (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Mindestgröße einer Erkennung in Pixeln (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="97" />
            <source>Name of the layer in the project</source>
            <translation>Name des Layers im Projekt</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="94" />
            <source>Number of detections</source>
            <translation>Anzahl der Erkennungen</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="82" />
            <source>Raster scene</source>
            <translation>Rasterszene</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="49" />
            <source>Run detection</source>
            <translation>Erkennung ausführen</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated on the validation areas when the snapshot is made; leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Wendet ein Modell auf eine Rasterszene an und schreibt die Erkennungen als Polygonlayer mit den Feldern class_name, class_id, score, area und snapshot_id. Der Layer wird im Erkennungsordner des Arbeitsbereichs gespeichert und in den Klassenfarben des Modells zum Projekt hinzugefügt.

Wählen Sie den Snapshot über seine ID oder seinen Namen; leer lassen, um den aktuellen Stand des Modells zu verwenden. Jeder Snapshot der Zeitleiste ist nutzbar, auch temporäre.
Das Interessensgebiet (optional) beschränkt die Erkennung auf seine Polygone. Erkennungen, die kleiner als die Mindestfläche sind (in Quadrateinheiten des KBS des Rasters), werden weggelassen.
Mindestwert, Grenzschwelle (wie leicht sich berührende Objekte getrennt werden) und Mindestgröße in Pixeln werden beim Erstellen des Snapshots auf den Validierungsgebieten kalibriert; lassen Sie sie auf 0, um die Werte des Snapshots zu verwenden (die Ausgabe SETTINGS nennt die verwendeten). Die Spiegel-Testzeit-Augmentierung mittelt das Netz über gespiegelte Kacheln: 4× die Zeit, meist etwas sauberere Umrisse. Im Segmentierungsmodus ist jede zusammenhängende Fläche ein Objekt, außer Sie fassen sie zu einem Objekt je Klasse zusammen.
Das Raster muss die Bänder und den Datentyp haben, mit denen das Modell trainiert wurde, und eine Bodenauflösung nahe der des Trainings; es wird unverändert gelesen (ohne Umprojektion oder Umrechnung), und die Erkennungen liegen in seinem Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated when the snapshot is made (on the validation areas, and for count models part of the training areas too); leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. A count model writes each object as its outline or as a box: by default boxes where the snapshot's labels were boxes (the box its box head predicts, else the outline's bounding box), outlines otherwise. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Wendet ein Modell auf eine Rasterszene an und schreibt die Erkennungen als Polygonlayer mit den Feldern class_name, class_id, score, area und snapshot_id. Der Layer wird im Erkennungsordner des Arbeitsbereichs gespeichert und in den Klassenfarben des Modells zum Projekt hinzugefügt.

Wählen Sie den Snapshot über seine ID oder seinen Namen; leer lassen, um den aktuellen Stand des Modells zu verwenden. Jeder Snapshot der Zeitleiste ist nutzbar, auch temporäre.
Das Interessensgebiet (optional) beschränkt die Erkennung auf seine Polygone. Erkennungen, die kleiner als die Mindestfläche sind (in Quadrateinheiten des KBS des Rasters), werden weggelassen.
Mindestwert, Grenzschwelle (wie leicht sich berührende Objekte getrennt werden) und Mindestgröße in Pixeln werden beim Erstellen des Snapshots kalibriert (auf den Validierungsgebieten, bei Zählmodellen auch auf einem Teil der Trainingsgebiete); lassen Sie sie auf 0, um die Werte des Snapshots zu verwenden (die Ausgabe SETTINGS nennt die verwendeten). Die Spiegel-Testzeit-Augmentierung mittelt das Netz über gespiegelte Kacheln: 4× die Zeit, meist etwas sauberere Umrisse. Ein Zählmodell schreibt jedes Objekt als Umriss oder als Rahmen: standardmäßig Rahmen, wo die Labels des Snapshots Rahmen waren (der Rahmen, den sein Rahmen-Kopf vorhersagt, sonst das umschließende Rechteck des Umrisses), sonst Umrisse. Im Segmentierungsmodus ist jede zusammenhängende Fläche ein Objekt, außer Sie fassen sie zu einem Objekt je Klasse zusammen.
Das Raster muss die Bänder und den Datentyp haben, mit denen das Modell trainiert wurde, und eine Bodenauflösung nahe der des Trainings; es wird unverändert gelesen (ohne Umprojektion oder Umrechnung), und die Erkennungen liegen in seinem Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="52" />
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated when the snapshot is made (on the validation areas, and for count models part of the training areas too); leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. A count model writes each object as its outline or as a box: by default boxes where the snapshot's labels were boxes (the box its box head predicts, else the outline's bounding box), outlines otherwise. Of two boxes from a box head that overlap more than the snapshot's limit (the most two of its labels overlap, at least IoU 0.4), the lower-scored is dropped as the same object found twice; give another limit, or 1 to keep every box. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation>Wendet ein Modell auf eine Rasterszene an und schreibt die Erkennungen als Polygonlayer mit den Feldern class_name, class_id, score, area und snapshot_id. Der Layer wird im Erkennungsordner des Arbeitsbereichs gespeichert und in den Klassenfarben des Modells zum Projekt hinzugefügt.

Wählen Sie den Snapshot über seine ID oder seinen Namen; leer lassen, um den aktuellen Stand des Modells zu verwenden. Jeder Snapshot der Zeitleiste ist nutzbar, auch temporäre.
Das Interessensgebiet (optional) beschränkt die Erkennung auf seine Polygone. Erkennungen, die kleiner als die Mindestfläche sind (in Quadrateinheiten des KBS des Rasters), werden weggelassen.
Mindestwert, Grenzschwelle (wie leicht sich berührende Objekte getrennt werden) und Mindestgröße in Pixeln werden beim Erstellen des Snapshots kalibriert (auf den Validierungsgebieten, bei Zählmodellen auch auf einem Teil der Trainingsgebiete); lassen Sie sie auf 0, um die Werte des Snapshots zu verwenden (die Ausgabe SETTINGS nennt die verwendeten). Die Spiegel-Testzeit-Augmentierung mittelt das Netz über gespiegelte Kacheln: 4× die Zeit, meist etwas sauberere Umrisse. Ein Zählmodell schreibt jedes Objekt als Umriss oder als Rahmen: standardmäßig Rahmen, wo die Labels des Snapshots Rahmen waren (der Rahmen, den sein Rahmen-Kopf vorhersagt, sonst das umschließende Rechteck des Umrisses), sonst Umrisse. Von zwei Rahmen aus einem Rahmen-Kopf, die sich stärker überlappen als die Grenze des Snapshots (die größte Überlappung zweier seiner Labels, mindestens IoU 0,4), wird der schwächer bewertete entfernt, da es dasselbe zweimal gefundene Objekt ist; geben Sie eine andere Grenze an, oder 1, um alle Rahmen zu behalten. Im Segmentierungsmodus ist jede zusammenhängende Fläche ein Objekt, außer Sie fassen sie zu einem Objekt je Klasse zusammen.
Das Raster muss die Bänder und den Datentyp haben, mit denen das Modell trainiert wurde, und eine Bodenauflösung nahe der des Trainings; es wird unverändert gelesen (ohne Umprojektion oder Umrechnung), und die Erkennungen liegen in seinem Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated when the snapshot is made (on the validation areas, and for count models part of the training areas too); leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Wendet ein Modell auf eine Rasterszene an und schreibt die Erkennungen als Polygonlayer mit den Feldern class_name, class_id, score, area und snapshot_id. Der Layer wird im Erkennungsordner des Arbeitsbereichs gespeichert und in den Klassenfarben des Modells zum Projekt hinzugefügt.

Wählen Sie den Snapshot über seine ID oder seinen Namen; leer lassen, um den aktuellen Stand des Modells zu verwenden. Jeder Snapshot der Zeitleiste ist nutzbar, auch temporäre.
Das Interessensgebiet (optional) beschränkt die Erkennung auf seine Polygone. Erkennungen, die kleiner als die Mindestfläche sind (in Quadrateinheiten des KBS des Rasters), werden weggelassen.
Mindestwert, Grenzschwelle (wie leicht sich berührende Objekte getrennt werden) und Mindestgröße in Pixeln werden beim Erstellen des Snapshots kalibriert (auf den Validierungsgebieten, bei Zählmodellen auch auf einem Teil der Trainingsgebiete); lassen Sie sie auf 0, um die Werte des Snapshots zu verwenden (die Ausgabe SETTINGS nennt die verwendeten). Die Spiegel-Testzeit-Augmentierung mittelt das Netz über gespiegelte Kacheln: 4× die Zeit, meist etwas sauberere Umrisse. Im Segmentierungsmodus ist jede zusammenhängende Fläche ein Objekt, außer Sie fassen sie zu einem Objekt je Klasse zusammen.
Das Raster muss die Bänder und den Datentyp haben, mit denen das Modell trainiert wurde, und eine Bodenauflösung nahe der des Trainings; es wird unverändert gelesen (ohne Umprojektion oder Umrechnung), und die Erkennungen liegen in seinem Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Wendet ein Modell auf eine Rasterszene an und schreibt die Erkennungen als Polygonlayer mit den Feldern class_name, class_id, score, area und snapshot_id. Der Layer wird im Erkennungsordner des Arbeitsbereichs gespeichert und in den Klassenfarben des Modells zum Projekt hinzugefügt.

Wählen Sie den Snapshot über seine ID oder seinen Namen; leer lassen, um den aktuellen Stand des Modells zu verwenden. Jeder Snapshot der Zeitleiste ist nutzbar, auch temporäre.
Das Interessensgebiet (optional) beschränkt die Erkennung auf seine Polygone. Erkennungen, die kleiner als die Mindestfläche sind (in Quadrateinheiten des KBS des Rasters), werden weggelassen.
Das Raster muss die Bänder und den Datentyp haben, mit denen das Modell trainiert wurde, und eine Bodenauflösung nahe der des Trainings; es wird unverändert gelesen (ohne Umprojektion oder Umrechnung), und die Erkennungen liegen in seinem Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <source>Segmentation mode: one feature per connected area (else one per class)</source>
            <translation type="obsolete">Segmentierungsmodus: ein Objekt je zusammenhängender Fläche (sonst eines je Klasse)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="241" />
            <source>Settings: minimum score {score} ({score_from}), boundary threshold {boundary} ({boundary_from}), minimum size {pixels} px ({pixels_from}).</source>
            <translation>Einstellungen: Mindestwert {score} ({score_from}), Grenzschwelle {boundary} ({boundary_from}), Mindestgröße {pixels} px ({pixels_from}).</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="95" />
            <source>Snapshot id</source>
            <translation>Snapshot-ID</translation>
        </message>
        <message>
            <source>The area of interest has no polygon.</source>
            <translation type="obsolete">Das Interessensgebiet enthält kein Polygon.</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="204" />
            <source>The raster scene cannot be opened.</source>
            <translation>Die Rasterszene kann nicht geöffnet werden.</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="98" />
            <source>Thresholds and minimum size used, and their source (JSON)</source>
            <translation>Verwendete Schwellen und Mindestgröße mit ihrer Herkunft (JSON)</translation>
        </message>
        <message>
            <source>automatic (GPU when available)</source>
            <translation type="obsolete">automatisch (GPU, falls verfügbar)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="255" />
            <source>{n} detections written to {path}.</source>
            <translation>{n} Erkennungen in {path} geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>DetectManyAlgorithm</name>
        <message>
            <source>Boundary threshold for splitting touching objects (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Grenzschwelle zum Trennen sich berührender Objekte (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation type="obsolete">CPU</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="80" />
            <source>Dask scheduler address (empty: a local cluster)</source>
            <translation>Adresse des Dask-Schedulers (leer: ein lokaler Cluster)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="137" />
            <source>Detecting with model “{model}”, snapshot “{snapshot}” ({kind}).</source>
            <translation>Erkennung mit Modell „{model}“, Snapshot „{snapshot}“ ({kind}).</translation>
        </message>
        <message>
            <source>Device</source>
            <translation type="obsolete">Rechengerät</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="75" />
            <source>File pattern of raster scenes (e.g. /data/*.tif)</source>
            <translation>Dateimuster der Rasterszenen (z. B. /data/*.tif)</translation>
        </message>
        <message>
            <source>Flip test-time augmentation (4× slower)</source>
            <translation type="obsolete">Spiegel-Testzeit-Augmentierung (4× langsamer)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="67" />
            <source>Folder of raster scenes</source>
            <translation>Ordner mit Rasterszenen</translation>
        </message>
        <message>
            <source>GPU (CUDA)</source>
            <translation type="obsolete">GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="98" />
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="106" />
            <source>Leave failing scenes out instead of stopping</source>
            <translation>Fehlgeschlagene Szenen auslassen statt abzubrechen</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="87" />
            <source>Local worker processes (0: one per core)</source>
            <translation>Lokale Worker-Prozesse (0: einer pro Kern)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="98" />
            <source>Merged detections</source>
            <translation>Zusammengeführte Erkennungen</translation>
        </message>
        <message>
            <source>Minimum area of a detection (square map units)</source>
            <translation type="obsolete">Mindestfläche einer Erkennung (Karteneinheiten zum Quadrat)</translation>
        </message>
        <message>
            <source>Minimum score (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Mindestwert (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <source>Minimum size of a detection in pixels (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Mindestgröße einer Erkennung in Pixeln (0: kalibrierter Wert des Snapshots)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="125" />
            <source>No raster scene given: choose layers, a folder or a file pattern.</source>
            <translation>Keine Rasterszene angegeben: Wählen Sie Layer, einen Ordner oder ein Dateimuster.</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="113" />
            <source>Number of detections</source>
            <translation>Anzahl der Erkennungen</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="62" />
            <source>Raster scenes</source>
            <translation>Rasterszenen</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="43" />
            <source>Run detection over many scenes (Dask)</source>
            <translation>Erkennung über viele Szenen ausführen (Dask)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="46" />
            <source>Runs one snapshot of a model over many raster scenes, each scene a task on a Dask cluster, and merges the detections into one GeoPackage whose field scene names the scene of each feature.

Give the scenes as layers, a folder of rasters and/or a file pattern such as /data/tiles/*.tif. Without a scheduler address a local cluster of worker processes runs on this computer; with one (tcp://host:8786), its workers must see the workspace, the rasters and the output file at the same paths. A scene whose worker dies is run again. The same run is available without QGIS: python -m orca_huntr detect-many.</source>
            <translation>Wendet einen Snapshot eines Modells auf viele Rasterszenen an, jede Szene als Aufgabe auf einem Dask-Cluster, und führt die Erkennungen in einem GeoPackage zusammen, dessen Feld scene die Szene jedes Objekts angibt.

Geben Sie die Szenen als Layer, als Ordner mit Rastern und/oder als Dateimuster wie /data/tiles/*.tif an. Ohne Scheduler-Adresse läuft ein lokaler Cluster von Worker-Prozessen auf diesem Rechner; mit einer Adresse (tcp://host:8786) müssen dessen Worker den Arbeitsbereich, die Raster und die Ausgabedatei unter denselben Pfaden sehen. Eine Szene, deren Worker abstürzt, wird erneut ausgeführt. Derselbe Lauf ist ohne QGIS verfügbar: python -m orca_huntr detect-many.</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="158" />
            <source>Scene {scene} failed: {message}</source>
            <translation>Szene {scene} ist fehlgeschlagen: {message}</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="114" />
            <source>Scenes detected</source>
            <translation>Bearbeitete Szenen</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="116" />
            <source>Scenes that failed and why (JSON)</source>
            <translation>Fehlgeschlagene Szenen und Gründe (JSON)</translation>
        </message>
        <message>
            <source>Segmentation mode: one feature per connected area (else one per class)</source>
            <translation type="obsolete">Segmentierungsmodus: ein Objekt je zusammenhängender Fläche (sonst eines je Klasse)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="115" />
            <source>Snapshot id</source>
            <translation>Snapshot-ID</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="103" />
            <source>Without Dask: one scene after another in this process</source>
            <translation>Ohne Dask: eine Szene nach der anderen in diesem Prozess</translation>
        </message>
        <message>
            <source>automatic (GPU when available)</source>
            <translation type="obsolete">automatisch (GPU, falls verfügbar)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="161" />
            <source>{n} detections from {scenes} scenes written to {path}.</source>
            <translation>{n} Erkennungen aus {scenes} Szenen in {path} geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>ExportOnnxAlgorithm</name>
        <message>
            <location filename="../processing/export_onnx.py" line="81" />
            <source>Choose the ONNX file to write.</source>
            <translation>Wählen Sie die zu schreibende ONNX-Datei.</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="28" />
            <source>Export snapshot to ONNX (Deepness)</source>
            <translation>Snapshot als ONNX exportieren (Deepness)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="70" />
            <source>Metadata written (JSON)</source>
            <translation>Geschriebene Metadaten (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="64" />
            <source>ONNX file</source>
            <translation>ONNX-Datei</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="64" />
            <source>ONNX files (*.onnx)</source>
            <translation>ONNX-Dateien (*.onnx)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="48" />
            <source>Raster whose statistics normalise the input (optional)</source>
            <translation>Raster, dessen Statistik die Eingabe normalisiert (optional)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="69" />
            <source>Snapshot id</source>
            <translation>Snapshot-ID</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="78" />
            <source>The raster cannot be opened.</source>
            <translation>Das Raster lässt sich nicht öffnen.</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="53" />
            <source>Tile overlap suggested to Deepness (share of a tile)</source>
            <translation>Für Deepness vorgeschlagene Kachelüberlappung (Anteil einer Kachel)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="31" />
            <source>Writes a snapshot (empty: the current state) as an ONNX file that the Deepness plugin and any ONNX runtime can load: the network with its class probabilities (and, in count mode, a second output with the object boundaries), and the metadata Deepness reads: model type, class names, resolution, tile size, overlap, standardisation and the score threshold.
Deepness applies one normalisation to every raster. Models that normalise each raster with its own statistics therefore need them fixed in the file: give the raster you will run the file on, or leave it empty to use the median of the training scenes' statistics. Deepness does not split touching objects into instances and has no minimum size: its results are the network's segmentation.</source>
            <translation>Schreibt einen Snapshot (leer: den aktuellen Stand) als ONNX-Datei, die das Deepness-Plugin und jede ONNX-Laufzeit laden kann: das Netz mit seinen Klassenwahrscheinlichkeiten (im Zählmodus mit einer zweiten Ausgabe für die Objektgrenzen) und die Metadaten, die Deepness liest: Modelltyp, Klassennamen, Auflösung, Kachelgröße, Überlappung, Standardisierung und Score-Schwelle.
Deepness wendet auf jedes Raster dieselbe Normalisierung an. Modelle, die jedes Raster mit seiner eigenen Statistik normalisieren, brauchen sie daher fest in der Datei: Geben Sie das Raster an, auf dem Sie die Datei verwenden werden, oder lassen Sie das Feld leer, um den Median der Statistiken der Trainingsszenen zu nehmen. Deepness trennt sich berührende Objekte nicht in Einzelobjekte und kennt keine Mindestgröße: Seine Ergebnisse sind die Segmentierung des Netzes.</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="90" />
            <source>Wrote snapshot “{snapshot}” of model “{model}” to {path}.</source>
            <translation>Snapshot „{snapshot}“ des Modells „{model}“ nach {path} geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>ExportSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/export_snapshot.py" line="25" />
            <source>Export snapshot package</source>
            <translation>Snapshot-Paket exportieren</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="41" />
            <source>Include the training data</source>
            <translation>Trainingsdaten einschließen</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="46" />
            <source>ONNX file to add (optional)</source>
            <translation>Hinzuzufügende ONNX-Datei (optional)</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="51" />
            <source>ORCA HUNTR package (*.huntrpkg)</source>
            <translation>ORCA-HUNTR-Paket (*.huntrpkg)</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="56" />
            <source>Package file</source>
            <translation>Paketdatei</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="72" />
            <source>Snapshot “{snapshot}” of model “{model}” exported to {path}.</source>
            <translation>Snapshot „{snapshot}“ des Modells „{model}“ nach {path} exportiert.</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="28" />
            <source>Writes a snapshot to one package file (.huntrpkg) that another project can import: the weights, the classes and their colours, the normalisation, the calibrated detection settings, the metrics, the snapshot's lineage and a manifest with checksums.

With “Include the training data” the snapshot's training areas, labels and scenes go with it. An ONNX file of the network (made elsewhere) can be added for tools that run ONNX models.</source>
            <translation>Schreibt einen Snapshot in eine Paketdatei (.huntrpkg), die ein anderes Projekt importieren kann: die Gewichte, die Klassen und ihre Farben, die Normalisierung, die kalibrierten Erkennungseinstellungen, die Metriken, die Herkunft des Snapshots und ein Manifest mit Prüfsummen.

Mit „Trainingsdaten einschließen“ gehen die Trainingsbereiche, Labels und Szenen des Snapshots mit. Eine ONNX-Datei des Netzes (anderswo erstellt) kann für Werkzeuge hinzugefügt werden, die ONNX-Modelle ausführen.</translation>
        </message>
    </context>
    <context>
        <name>HuntrAlgorithm</name>
        <message>
            <location filename="../processing/algorithm.py" line="150" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="149" />
            <source>Device</source>
            <translation>Rechengerät</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="150" />
            <source>GPU (CUDA)</source>
            <translation>GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="132" />
            <source>Model (id or name)</source>
            <translation>Modell (ID oder Name)</translation>
        </message>
        <message>
            <source>Model “{model}” has no snapshot yet: train it first.</source>
            <translation type="obsolete">Modell „{model}“ hat noch keinen Snapshot: Trainieren Sie es zuerst.</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="267" />
            <source>Models and snapshots</source>
            <translation>Modelle und Snapshots</translation>
        </message>
        <message>
            <source>No model given: give a model id or name.</source>
            <translation type="obsolete">Kein Modell angegeben: Geben Sie eine Modell-ID oder einen Modellnamen an.</translation>
        </message>
        <message>
            <source>No model “{name}” in this workspace. Models: {names}.</source>
            <translation type="obsolete">Kein Modell „{name}“ in diesem Arbeitsbereich. Modelle: {names}.</translation>
        </message>
        <message>
            <source>Several models are called “{name}”; give the id instead. Models: {names}.</source>
            <translation type="obsolete">Mehrere Modelle heißen „{name}“; geben Sie stattdessen die ID an. Modelle: {names}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="140" />
            <source>Snapshot (id or name)</source>
            <translation>Snapshot (ID oder Name)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="138" />
            <source>Snapshot (id or name; empty: the current state)</source>
            <translation>Snapshot (ID oder Name; leer: der aktuelle Stand)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="159" />
            <source>Snapshot id</source>
            <translation>Snapshot-ID</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="160" />
            <source>Snapshot name</source>
            <translation>Snapshot-Name</translation>
        </message>
        <message>
            <source>The current project has not been saved, so it has no workspace yet. Save the project first, or give a workspace folder.</source>
            <translation type="obsolete">Das aktuelle Projekt wurde noch nicht gespeichert und hat daher noch keinen Arbeitsbereich. Speichern Sie zuerst das Projekt oder geben Sie einen Arbeitsbereichsordner an.</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="266" />
            <source>Training and detection</source>
            <translation>Training und Erkennung</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="124" />
            <source>Workspace folder (empty: the one beside the current project)</source>
            <translation>Arbeitsbereichsordner (leer: der neben dem aktuellen Projekt)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="150" />
            <source>automatic (GPU when available)</source>
            <translation>automatisch (GPU, falls verfügbar)</translation>
        </message>
        <message>
            <source>none</source>
            <translation type="obsolete">keine</translation>
        </message>
    </context>
    <context>
        <name>HuntrClassTable</name>
        <message>
            <location filename="../ui/class_table.py" line="50" />
            <source>Add a class to the model</source>
            <translation>Dem Modell eine Klasse hinzufügen</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="154" />
            <source>Add at least one class.</source>
            <translation>Fügen Sie mindestens eine Klasse hinzu.</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="49" />
            <source>Add class</source>
            <translation>Klasse hinzufügen</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="45" />
            <source>Class ids are the row numbers; 0 is the background</source>
            <translation>Die Klassen-IDs sind die Zeilennummern; 0 ist der Hintergrund</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="40" />
            <source>Class name</source>
            <translation>Klassenname</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="66" />
            <source>Class {n}</source>
            <translation>Klasse {n}</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="40" />
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="76" />
            <source>Colour of this class (kept from the snapshot's model)</source>
            <translation>Farbe dieser Klasse (vom Modell des Snapshots übernommen)</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="88" />
            <source>Colour of this class in labels and detections</source>
            <translation>Farbe dieser Klasse in Labels und Erkennungen</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="156" />
            <source>Every class needs a name.</source>
            <translation>Jede Klasse braucht einen Namen.</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="51" />
            <source>Remove class</source>
            <translation>Klasse entfernen</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="52" />
            <source>Remove the selected class</source>
            <translation>Die ausgewählte Klasse entfernen</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="158" />
            <source>Two classes have the same name.</source>
            <translation>Zwei Klassen haben denselben Namen.</translation>
        </message>
    </context>
    <context>
        <name>HuntrCompareDialog</name>
        <message>
            <location filename="../ui/compare_dialog.py" line="67" />
            <source>A detection made earlier from a snapshot on this raster, with its own settings, is shown again</source>
            <translation>Eine früher von einem Snapshot auf diesem Raster mit seinen eigenen Einstellungen gemachte Erkennung wird erneut gezeigt</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="128" />
            <source>Class</source>
            <translation>Klasse</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="75" />
            <source>Compare</source>
            <translation>Vergleichen</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="38" />
            <source>Compare Snapshots</source>
            <translation>Snapshots vergleichen</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="42" />
            <source>Compare snapshot &lt;b&gt;{snapshot}&lt;/b&gt; of &lt;b&gt;{model}&lt;/b&gt; with another snapshot.</source>
            <translation>Snapshot &lt;b&gt;{snapshot}&lt;/b&gt; von &lt;b&gt;{model}&lt;/b&gt; mit einem anderen Snapshot vergleichen.</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="106" />
            <source>Compare {a} ↔ {b}</source>
            <translation>Vergleich {a} ↔ {b}</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="63" />
            <source>Detections of both snapshots on this raster (empty: none)</source>
            <translation>Erkennungen beider Snapshots auf diesem Raster (leer: keine)</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="128" />
            <source>Difference</source>
            <translation>Differenz</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="110" />
            <source>From {a} to {b}: training areas +{areas_added} / −{areas_removed}, labels +{labels_added} / −{labels_removed}.</source>
            <translation>Von {a} zu {b}: Trainingsbereiche +{areas_added} / −{areas_removed}, Labels +{labels_added} / −{labels_removed}.</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="128" />
            <source>Metric</source>
            <translation>Metrik</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="145" />
            <source>Neither snapshot has metrics (no validation areas?).</source>
            <translation>Keiner der Snapshots hat Metriken (keine Validierungsbereiche?).</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="56" />
            <source>Other snapshot</source>
            <translation>Anderer Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="64" />
            <source>Raster</source>
            <translation>Raster</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="65" />
            <source>Reuse detections already made</source>
            <translation>Bereits gemachte Erkennungen wiederverwenden</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="79" />
            <source>The model has no other snapshot to compare with.</source>
            <translation>Das Modell hat keinen anderen Snapshot zum Vergleichen.</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="132" />
            <source>all</source>
            <translation>alle</translation>
        </message>
    </context>
    <context>
        <name>HuntrCompareTask</name>
        <message>
            <location filename="../tasks/compare_task.py" line="40" />
            <source>ORCA HUNTR: comparing snapshots</source>
            <translation>ORCA HUNTR: Snapshots werden verglichen</translation>
        </message>
        <message>
            <location filename="../tasks/compare_task.py" line="62" />
            <source>The comparison was cancelled; no detection was added.</source>
            <translation>Der Vergleich wurde abgebrochen; keine Erkennung wurde hinzugefügt.</translation>
        </message>
    </context>
    <context>
        <name>HuntrComparison</name>
        <message>
            <location filename="../adapters/comparison_layers.py" line="38" />
            <source>Compare {a} ↔ {b}</source>
            <translation>Vergleich {a} ↔ {b}</translation>
        </message>
        <message>
            <location filename="../adapters/comparison_layers.py" line="103" />
            <source>Training data changes</source>
            <translation>Änderungen der Trainingsdaten</translation>
        </message>
        <message>
            <location filename="../adapters/comparison_layers.py" line="86" />
            <source>added</source>
            <translation>hinzugefügt</translation>
        </message>
        <message>
            <location filename="../adapters/comparison_layers.py" line="86" />
            <source>removed</source>
            <translation>entfernt</translation>
        </message>
    </context>
    <context>
        <name>HuntrDetectDialog</name>
        <message>
            <location filename="../ui/detect_dialog.py" line="137" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="262" />
            <source>Add a raster layer to the project to detect on.</source>
            <translation>Fügen Sie dem Projekt einen Rasterlayer hinzu, auf dem erkannt werden soll.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="130" />
            <source>Advanced options</source>
            <translation>Erweiterte Optionen</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="85" />
            <source>Any snapshot of the model can detect: current, temporary or saved</source>
            <translation>Jeder Snapshot des Modells kann erkennen: aktuell, temporär oder gespeichert</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="108" />
            <source>Area</source>
            <translation>Gebiet</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="136" />
            <source>As trained</source>
            <translation>Wie im Training</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="215" />
            <source>Automatic (GPU when available)</source>
            <translation>Automatisch (GPU, falls verfügbar)</translation>
        </message>
        <message>
            <source>Average the network over the window and its mirror images</source>
            <translation type="obsolete">Mittelt das Netz über das Fenster und seine Spiegelbilder</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="213" />
            <source>Batch size</source>
            <translation>Batchgröße</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="165" />
            <source>Boundary threshold</source>
            <translation>Grenzschwelle</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="188" />
            <source>Box overlap allowed</source>
            <translation>Erlaubte Rahmenüberlappung</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="169" />
            <source>Boxes</source>
            <translation>Rahmen</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="178" />
            <source>Boxes from the model's box head: of two boxes overlapping more than this (intersection over union), the lower-scored is dropped as the same object found twice. By default the snapshot's value: the most two of its labels overlap, at least 0.4. 1 keeps every box.</source>
            <translation>Rahmen aus dem Rahmen-Kopf des Modells: von zwei Rahmen, die sich stärker überlappen (Schnitt durch Vereinigung), wird der schwächer bewertete entfernt, da es dasselbe zweimal gefundene Objekt ist. Standard: der Wert des Snapshots, die größte Überlappung zweier seiner Labels, mindestens 0,4. 1 behält alle Rahmen.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="216" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="269" />
            <source>Choose a polygon layer.</source>
            <translation>Wählen Sie einen Polygonlayer.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="170" />
            <source>Count mode: each object as its outline, or as a rectangle (the box the model's box head predicts, else the outline's bounding box). By default boxes where the snapshot's labels were boxes, outlines otherwise.</source>
            <translation>Zählmodus: jedes Objekt als Umriss oder als Rechteck (der Rahmen, den der Rahmen-Kopf des Modells vorhersagt, sonst das umschließende Rechteck des Umrisses). Standard: Rahmen, wo die Labels des Snapshots Rahmen waren, sonst Umrisse.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="157" />
            <source>Count mode: lower splits touching objects more readily. By default the snapshot's calibrated value.</source>
            <translation>Zählmodus: niedriger trennt sich berührende Objekte leichter. Standardmäßig der kalibrierte Wert des Snapshots.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="112" />
            <source>Current map extent</source>
            <translation>Aktuelle Kartenausdehnung</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="126" />
            <source>Detection runs inside the selected polygons of this layer</source>
            <translation>Die Erkennung läuft innerhalb der ausgewählten Polygone dieses Layers</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="218" />
            <source>Device</source>
            <translation>Rechengerät</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="200" />
            <source>Flip averaging</source>
            <translation>Mittel der Spiegelungen</translation>
        </message>
        <message>
            <source>Flip test-time augmentation (4× slower)</source>
            <translation type="obsolete">Spiegel-Testzeit-Augmentierung (4× langsamer)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="193" />
            <source>Flip test-time augmentation: average the network over each window and its mirror images (4× the network's work). By default as the snapshot's validation did: on for snapshots trained with this version, whose calibrated settings assume it.</source>
            <translation>Spiegelungs-Augmentierung: das Netz über jedes Fenster und seine Spiegelbilder mitteln (4× die Arbeit des Netzes). Standardmäßig wie die Validierung des Snapshots: an für Snapshots, die mit dieser Version trainiert wurden und deren kalibrierte Einstellungen sie voraussetzen.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="146" />
            <source>Fraction of each window shared with its neighbours (hides seams)</source>
            <translation>Anteil jedes Fensters, den es mit seinen Nachbarn teilt (verbirgt Nähte)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="217" />
            <source>GPU (CUDA)</source>
            <translation>GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="202" />
            <source>Merge all areas of a class into one feature instead of one per area</source>
            <translation>Alle Flächen einer Klasse zu einem Objekt zusammenfassen statt einem je Fläche</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="208" />
            <source>Minimum area</source>
            <translation>Mindestfläche</translation>
        </message>
        <message>
            <source>Minimum probability for a pixel to belong to a class</source>
            <translation type="obsolete">Mindestwahrscheinlichkeit, mit der ein Pixel zu einer Klasse gehört</translation>
        </message>
        <message>
            <source>Minimum probability for a pixel to belong to a class. By default the value each snapshot calibrated on its validation areas (see the card's tooltip).</source>
            <translation type="obsolete">Mindestwahrscheinlichkeit, mit der ein Pixel zu einer Klasse gehört. Standardmäßig der Wert, den jeder Snapshot auf seinen Validierungsgebieten kalibriert hat (siehe Tooltip der Karte).</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="148" />
            <source>Minimum probability for a pixel to belong to a class. By default the value each snapshot calibrated when it was made (see the card's tooltip).</source>
            <translation>Mindestwahrscheinlichkeit, mit der ein Pixel zu einer Klasse gehört. Standardmäßig der Wert, den jeder Snapshot bei seiner Erstellung kalibriert hat (siehe Tooltip der Karte).</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="177" />
            <source>Objects as</source>
            <translation>Objekte als</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="192" />
            <source>Off</source>
            <translation>Aus</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="191" />
            <source>On</source>
            <translation>An</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="168" />
            <source>Outlines</source>
            <translation>Umrisse</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="147" />
            <source>Overlap</source>
            <translation>Überlappung</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="75" />
            <source>Run Detection — {model}</source>
            <translation>Erkennung ausführen — {model}</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="221" />
            <source>Run detection</source>
            <translation>Erkennung ausführen</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="105" />
            <source>Scene</source>
            <translation>Szene</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="156" />
            <source>Score threshold</source>
            <translation>Schwellenwert</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="201" />
            <source>Segmentation: one feature per class</source>
            <translation>Segmentierung: ein Objekt je Klasse</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="273" />
            <source>Select the polygons to detect in (layer {name} has none selected).</source>
            <translation>Wählen Sie die Polygone aus, in denen erkannt werden soll (im Layer {name} ist keines ausgewählt).</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="113" />
            <source>Selected features of a polygon layer</source>
            <translation>Ausgewählte Objekte eines Polygonlayers</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="138" />
            <source>Side of the windows the network looks at; 'As trained' uses the model's</source>
            <translation>Seitenlänge der Fenster, die das Netz betrachtet; „Wie im Training“ verwendet die des Modells</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="207" />
            <source>Smaller detections are dropped (in the raster's area units)</source>
            <translation>Kleinere Erkennungen werden verworfen (in den Flächeneinheiten des Rasters)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="96" />
            <source>Snapshot</source>
            <translation>Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="271" />
            <source>The area layer must hold polygons.</source>
            <translation>Der Gebietslayer muss Polygone enthalten.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="260" />
            <source>The model has no snapshot yet: train it first.</source>
            <translation>Das Modell hat noch keinen Snapshot: Trainieren Sie es zuerst.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="298" />
            <source>The raster to look at; its bands must match the model's</source>
            <translation>Das zu untersuchende Raster; seine Bänder müssen zu denen des Modells passen</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="167" />
            <source>The snapshot's (boxes where the labels are boxes)</source>
            <translation>Die des Snapshots (Rahmen, wo die Labels Rahmen sind)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="190" />
            <source>The snapshot's (on where its validation used it)</source>
            <translation>Die des Snapshots (an, wo seine Validierung sie nutzte)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="141" />
            <source>Tile size</source>
            <translation>Kachelgröße</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="111" />
            <source>Whole raster</source>
            <translation>Gesamtes Raster</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="212" />
            <source>Windows processed together; larger is faster but needs more memory</source>
            <translation>Gemeinsam verarbeitete Fenster; mehr ist schneller, braucht aber mehr Speicher</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="44" />
            <source>the snapshot's</source>
            <translation>der des Snapshots</translation>
        </message>
    </context>
    <context>
        <name>HuntrDetectTask</name>
        <message>
            <location filename="../tasks/detect_task.py" line="98" />
            <source>Detection was cancelled; nothing was written.</source>
            <translation>Die Erkennung wurde abgebrochen; es wurde nichts geschrieben.</translation>
        </message>
        <message>
            <location filename="../tasks/detect_task.py" line="54" />
            <source>ORCA HUNTR: detection</source>
            <translation>ORCA HUNTR: Erkennung</translation>
        </message>
    </context>
    <context>
        <name>HuntrDetection</name>
        <message>
            <location filename="../ui/detection_run.py" line="77" />
            <source>Could not start detection</source>
            <translation>Die Erkennung konnte nicht gestartet werden</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="82" />
            <source>Detection failed</source>
            <translation>Die Erkennung ist fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="98" />
            <source>Detection started; it runs in the background (see the task manager).</source>
            <translation>Erkennung gestartet; sie läuft im Hintergrund (siehe Aufgabenverwaltung).</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="49" />
            <source>No objects found: layer {name} is empty. Try to: {tips}.</source>
            <translation>Keine Objekte gefunden: Layer {name} ist leer. Versuchen Sie: {tips}.</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="66" />
            <source>ORCA HUNTR: detection with {model}</source>
            <translation>ORCA HUNTR: Erkennung mit {model}</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="46" />
            <source>check that the area covers the objects and the scene looks like the training scenes</source>
            <translation>prüfen, ob das Gebiet die Objekte abdeckt und die Szene den Trainingsszenen ähnelt</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="44" />
            <source>lower the minimum area (now {value:g})</source>
            <translation>die Mindestfläche senken (derzeit {value:g})</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="42" />
            <source>lower the score threshold (now {value:g}, under Advanced options)</source>
            <translation>den Score-Schwellenwert senken (derzeit {value:g}, unter Erweiterte Optionen)</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="47" />
            <source>train longer, or add labels where objects were missed, then detect with the new snapshot</source>
            <translation>länger trainieren oder Labels dort ergänzen, wo Objekte übersehen wurden, und dann mit dem neuen Snapshot erkennen</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="87" />
            <source>{n} detections: layer {name} added.</source>
            <translation>{n} Erkennungen: Layer {name} hinzugefügt.</translation>
        </message>
    </context>
    <context>
        <name>HuntrDetectionLayer</name>
        <message>
            <location filename="../adapters/detection_layer.py" line="112" />
            <source>Cannot open the detection layer {uri}.</source>
            <translation>Der Erkennungslayer {uri} kann nicht geöffnet werden.</translation>
        </message>
    </context>
    <context>
        <name>HuntrDock</name>
        <message>
            <location filename="../ui/dock.py" line="513" />
            <source>Both snapshots' detections added to group {group} ({n} reused).</source>
            <translation>Erkennungen beider Snapshots zur Gruppe {group} hinzugefügt ({n} wiederverwendet).</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="412" />
            <source>Could not add the training layers</source>
            <translation>Die Trainingslayer konnten nicht hinzugefügt werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="488" />
            <source>Could not compare the snapshots</source>
            <translation>Die Snapshots konnten nicht verglichen werden</translation>
        </message>
        <message>
            <source>Could not copy the scenes to the new model</source>
            <translation type="obsolete">Die Szenen konnten nicht in das neue Modell kopiert werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="406" />
            <source>Could not create a model from the snapshot</source>
            <translation>Aus dem Snapshot konnte kein Modell erstellt werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="296" />
            <source>Could not delete the snapshot</source>
            <translation>Der Snapshot konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="455" />
            <source>Could not export the snapshot</source>
            <translation>Der Snapshot konnte nicht exportiert werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="195" />
            <source>Could not list the snapshots</source>
            <translation>Die Snapshots konnten nicht aufgelistet werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="305" />
            <source>Could not move the snapshot to the quarantine</source>
            <translation>Der Snapshot konnte nicht in die Quarantäne verschoben werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="593" />
            <source>Could not prepare detection</source>
            <translation>Die Erkennung konnte nicht vorbereitet werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="320" />
            <source>Could not prepare the revert</source>
            <translation>Das Zurücksetzen konnte nicht vorbereitet werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="566" />
            <source>Could not read the lineage</source>
            <translation>Die Abstammung konnte nicht gelesen werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="273" />
            <source>Could not rename the snapshot</source>
            <translation>Der Snapshot konnte nicht umbenannt werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="325" />
            <source>Could not revert</source>
            <translation>Das Zurücksetzen ist fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="249" />
            <source>Could not save the snapshot</source>
            <translation>Der Snapshot konnte nicht gespeichert werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="370" />
            <source>Could not undo the revert</source>
            <translation>Das Zurücksetzen konnte nicht rückgängig gemacht werden</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="197" />
            <source>Create or choose a model to see its snapshots.</source>
            <translation>Erstellen oder wählen Sie ein Modell, um seine Snapshots zu sehen.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="284" />
            <source>Delete Snapshot</source>
            <translation>Snapshot löschen</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="284" />
            <source>Delete the snapshot {name}? This cannot be undone.</source>
            <translation>Den Snapshot {name} löschen? Dies kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="100" />
            <source>Detecting… %p%</source>
            <translation>Erkennung… %p%</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="510" />
            <source>Detection for the comparison failed</source>
            <translation>Die Erkennung für den Vergleich ist fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="101" />
            <source>Detection runs in the background; cancel it from the task manager</source>
            <translation>Die Erkennung läuft im Hintergrund; brechen Sie sie über die Aufgabenverwaltung ab</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="109" />
            <source>Disk use, the retention policy and what the next purge would delete</source>
            <translation>Speicherbelegung, Aufbewahrungsregel und was die nächste Bereinigung löschen würde</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="528" />
            <source>Every model of the workspace as a tree: which model came from which snapshot</source>
            <translation>Alle Modelle des Arbeitsbereichs als Baum: welches Modell aus welchem Snapshot hervorging</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="438" />
            <source>Export Snapshot Package</source>
            <translation>Snapshot-Paket exportieren</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="438" />
            <source>Include the snapshot's training areas, labels and scenes in the package?</source>
            <translation>Die Trainingsbereiche, Labels und Szenen des Snapshots in das Paket aufnehmen?</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="526" />
            <source>Lineage…</source>
            <translation>Abstammung…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="413" />
            <source>Model {name} created from the snapshot.</source>
            <translation>Modell {name} aus dem Snapshot erstellt.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="264" />
            <source>New name of the snapshot:</source>
            <translation>Neuer Name des Snapshots:</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="198" />
            <source>No snapshots yet. Train the model: every stop adds one here.</source>
            <translation>Noch keine Snapshots. Trainieren Sie das Modell: Jeder Halt fügt hier einen hinzu.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="151" />
            <source>No workspace: see the message bar.</source>
            <translation>Kein Arbeitsbereich: siehe Meldungsleiste.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="53" />
            <source>ORCA HUNTR</source>
            <translation>ORCA HUNTR</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="433" />
            <source>ORCA HUNTR package (*.huntrpkg)</source>
            <translation>ORCA-HUNTR-Paket (*.huntrpkg)</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="264" />
            <source>Rename Snapshot</source>
            <translation>Snapshot umbenennen</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="107" />
            <source>Retention…</source>
            <translation>Aufbewahrung…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="375" />
            <source>Revert undone: {n} snapshots are back.</source>
            <translation>Zurücksetzen rückgängig gemacht: {n} Snapshots sind zurück.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="332" />
            <source>Reverted to {name}: it is the current state again.</source>
            <translation>Auf {name} zurückgesetzt: Er ist wieder der aktuelle Stand.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="93" />
            <source>Run detection with the current state (or any snapshot) on a raster</source>
            <translation>Eine Erkennung auf einem Raster mit dem aktuellen Stand (oder einem beliebigen Snapshot) ausführen</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="91" />
            <source>Run detection…</source>
            <translation>Erkennung ausführen…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="457" />
            <source>Snapshot {name} exported to {path}.</source>
            <translation>Snapshot {name} nach {path} exportiert.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="252" />
            <source>Snapshot {name} saved: it will not expire.</source>
            <translation>Snapshot {name} gespeichert: Er läuft nicht ab.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="572" />
            <source>The model cannot be switched while it trains.</source>
            <translation>Das Modell kann nicht gewechselt werden, während es trainiert.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="85" />
            <source>Training Snapshots Timeline</source>
            <translation>Zeitleiste der Trainings-Snapshots</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="153" />
            <source>Unsaved project: models are kept in a temporary folder until you save the project.</source>
            <translation>Nicht gespeichertes Projekt: Die Modelle liegen in einem temporären Ordner, bis Sie das Projekt speichern.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="158" />
            <source>Workspace: {path}</source>
            <translation>Arbeitsbereich: {path}</translation>
        </message>
    </context>
    <context>
        <name>HuntrInputs</name>
        <message>
            <location filename="../adapters/inputs.py" line="85" />
            <source>Bands must be numbers separated by commas, not “{text}”.</source>
            <translation>Bänder müssen durch Kommas getrennte Zahlen sein, nicht „{text}“.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="155" />
            <source>Give at least one class name.</source>
            <translation>Geben Sie mindestens einen Klassennamen an.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="169" />
            <source>Model “{model}” has {n} classes; give exactly {n} class names or none.</source>
            <translation>Modell „{model}“ hat {n} Klassen; geben Sie genau {n} Klassennamen an oder keinen.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="213" />
            <source>The area of interest has no polygon.</source>
            <translation>Das Interessensgebiet enthält kein Polygon.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="101" />
            <source>The raster has bands 1…{n}; “{text}” is not a valid choice.</source>
            <translation>Das Raster hat die Bänder 1…{n}; „{text}“ ist keine gültige Auswahl.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="149" />
            <source>“{colour}” is not a #rrggbb colour (class “{name}”).</source>
            <translation>„{colour}“ ist keine #rrggbb-Farbe (Klasse „{name}“).</translation>
        </message>
    </context>
    <context>
        <name>HuntrInstallBanner</name>
        <message>
            <location filename="../ui/install_banner.py" line="248" />
            <source>Checking that the packages import…</source>
            <translation>Prüfen, ob sich die Pakete importieren lassen…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="130" />
            <source>Copy command</source>
            <translation>Befehl kopieren</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="316" />
            <source>Could not install {packages}: {reason} The ORCA HUNTR panel shows what to do.</source>
            <translation>{packages} konnte nicht installiert werden: {reason} Das ORCA-HUNTR-Bedienfeld zeigt, was zu tun ist.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="135" />
            <source>Hide</source>
            <translation>Ausblenden</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="192" />
            <source>Install</source>
            <translation>Installieren</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="189" />
            <source>Install {packages}</source>
            <translation>{packages} installieren</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="183" />
            <source>Install {packages} {source} with pip into a folder of the plugin:
{folder}

QGIS's own Python is not changed. This can take several minutes: the panel shows the progress, and every line pip writes goes to the ORCA HUNTR tab of the log panel.</source>
            <translation>{packages} {source} mit pip in einen Ordner der Erweiterung installieren:
{folder}

QGIS' eigenes Python wird nicht verändert. Das kann einige Minuten dauern: Das Bedienfeld zeigt den Fortschritt, und jede Zeile, die pip schreibt, steht im Reiter ORCA HUNTR des Protokollfensters.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="172" />
            <source>Install {packages}…</source>
            <translation>{packages} installieren…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="236" />
            <source>Installing {packages} ({build} build) into {folder}…</source>
            <translation>{packages} ({build}-Build) wird in {folder} installiert…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="173" />
            <source>Installs with pip into {folder}</source>
            <translation>Installiert mit pip in {folder}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="234" />
            <source>Starting pip…</source>
            <translation>pip wird gestartet…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="82" />
            <source>The Python interpreter that runs QGIS was not found next to QGIS.</source>
            <translation>Der Python-Interpreter, der QGIS ausführt, wurde neben QGIS nicht gefunden.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="79" />
            <source>The Python that runs QGIS has no pip (on Debian or Ubuntu: sudo apt-get install python3-pip).</source>
            <translation>Das Python, das QGIS ausführt, hat kein pip (unter Debian oder Ubuntu: sudo apt-get install python3-pip).</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="312" />
            <source>The details are in the ORCA HUNTR tab of the log panel.</source>
            <translation>Die Einzelheiten stehen im Reiter ORCA HUNTR des Protokollfensters.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="287" />
            <source>The installation was cancelled.</source>
            <translation>Die Installation wurde abgebrochen.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="75" />
            <source>The package index could not be reached: this computer seems to be offline, or a proxy or firewall blocks pip.</source>
            <translation>Der Paketindex ist nicht erreichbar: Dieser Rechner scheint offline zu sein, oder ein Proxy oder eine Firewall blockiert pip.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="83" />
            <source>The packages were installed but do not import: {details}</source>
            <translation>Die Pakete wurden installiert, lassen sich aber nicht importieren: {details}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="195" />
            <source>The {build} build of PyTorch, for the NVIDIA GPU ({reason})</source>
            <translation>Der {build}-Build von PyTorch, für die NVIDIA-GPU ({reason})</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="162" />
            <source>Training and detection need {packages}, which the Python that runs QGIS does not have. ORCA HUNTR can install it for you, into a folder of its own.</source>
            <translation>Training und Erkennung benötigen {packages}, das dem Python, das QGIS ausführt, fehlt. ORCA HUNTR kann es für Sie installieren, in einen eigenen Ordner.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="167" />
            <source>Training and detection need {packages}, which the Python that runs QGIS does not have. ORCA HUNTR can install them for you, into a folder of its own.</source>
            <translation>Training und Erkennung benötigen {packages}, die dem Python, das QGIS ausführt, fehlen. ORCA HUNTR kann sie für Sie installieren, in einen eigenen Ordner.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="284" />
            <source>Try again</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="182" />
            <source>from the internet (about {size} MB)</source>
            <translation>aus dem Internet (etwa {size} MB)</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="180" />
            <source>from the wheel folder {folder}</source>
            <translation>aus dem Wheel-Ordner {folder}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="84" />
            <source>pip failed: {details}</source>
            <translation>pip ist fehlgeschlagen: {details}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="66" />
            <source>{first} and {last}</source>
            <translation>{first} und {last}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="295" />
            <source>{reason}
Run this command by hand (in the OSGeo4W Shell on Windows, a terminal elsewhere), then restart QGIS:</source>
            <translation>{reason}
Führen Sie diesen Befehl von Hand aus (unter Windows in der OSGeo4W Shell, sonst in einem Terminal) und starten Sie QGIS dann neu:</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="267" />
            <source>{versions} installed into {folder}. Restart QGIS to use them.</source>
            <translation>{versions} in {folder} installiert. Starten Sie QGIS neu, um sie zu verwenden.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="269" />
            <source>{versions} installed into {folder}. They are ready: no restart is needed.</source>
            <translation>{versions} in {folder} installiert. Bereit: Ein Neustart ist nicht nötig.</translation>
        </message>
    </context>
    <context>
        <name>HuntrInstallTask</name>
        <message>
            <location filename="../tasks/install_task.py" line="46" />
            <source>ORCA HUNTR: installing {packages}</source>
            <translation>ORCA HUNTR: {packages} wird installiert</translation>
        </message>
        <message>
            <location filename="../tasks/install_task.py" line="63" />
            <source>The installation was cancelled.</source>
            <translation>Die Installation wurde abgebrochen.</translation>
        </message>
    </context>
    <context>
        <name>HuntrLineageView</name>
        <message>
            <location filename="../ui/lineage_view.py" line="47" />
            <source>AI model</source>
            <translation>KI-Modell</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="45" />
            <source>AI model imported from a package of this snapshot</source>
            <translation>KI-Modell, importiert aus einem Paket dieses Snapshots</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="46" />
            <source>AI model made from a snapshot no longer in the timeline</source>
            <translation>KI-Modell aus einem Snapshot, der nicht mehr in der Zeitleiste ist</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="44" />
            <source>AI model made from this snapshot</source>
            <translation>KI-Modell aus diesem Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="58" />
            <source>Lineage of the AI Models</source>
            <translation>Abstammung der KI-Modelle</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Metric</source>
            <translation>Metrik</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Model / snapshot</source>
            <translation>Modell / Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="87" />
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="126" />
            <source>Restore it with Undo in the timeline of this model</source>
            <translation>Mit „Rückgängig“ in der Zeitleiste dieses Modells wiederherstellen</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="132" />
            <source>Reverted</source>
            <translation>Zurückgenommen</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="83" />
            <source>Show in timeline</source>
            <translation>In der Zeitleiste zeigen</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="62" />
            <source>Which model came from which snapshot: a model made from a snapshot, or imported from its package, is shown under it; what a revert took back is shown under the snapshot it went back to. Double-click a snapshot to show it in the timeline.</source>
            <translation>Welches Modell aus welchem Snapshot hervorging: Ein Modell, das aus einem Snapshot erstellt oder aus seinem Paket importiert wurde, steht darunter; was ein Zurücksetzen entfernt hat, steht unter dem Snapshot, zu dem es zurückging. Doppelklicken Sie auf einen Snapshot, um ihn in der Zeitleiste zu zeigen.</translation>
        </message>
    </context>
    <context>
        <name>HuntrMessages</name>
        <message>
            <location filename="../ui/messages.py" line="66" />
            <source>ORCA HUNTR</source>
            <translation>ORCA HUNTR</translation>
        </message>
        <message>
            <location filename="../ui/messages.py" line="105" />
            <source>Unexpected error</source>
            <translation>Unerwarteter Fehler</translation>
        </message>
        <message>
            <location filename="../ui/messages.py" line="106" />
            <source>Unexpected error ({error}). The details are in the ORCA HUNTR tab of the log panel.</source>
            <translation>Unerwarteter Fehler ({error}). Die Einzelheiten stehen im Reiter ORCA HUNTR des Protokollbedienfelds.</translation>
        </message>
    </context>
    <context>
        <name>HuntrModelPanel</name>
        <message>
            <location filename="../ui/model_panel.py" line="194" />
            <source>1 band</source>
            <translation>1 Band</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="47" />
            <source>AI Model</source>
            <translation>KI-Modell</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="102" />
            <source>Add scene</source>
            <translation>Szene hinzufügen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="87" />
            <source>Add the model's training areas and labels to the project, ready to draw with the digitising tools</source>
            <translation>Fügt die Trainingsgebiete und Labels des Modells zum Projekt hinzu, bereit zum Zeichnen mit den Digitalisierwerkzeugen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="86" />
            <source>Add training layers</source>
            <translation>Trainingslayer hinzufügen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="327" />
            <source>As a new model</source>
            <translation>Als neues Modell</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="473" />
            <source>Could not add the scene</source>
            <translation>Die Szene konnte nicht hinzugefügt werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="417" />
            <source>Could not add the training layers</source>
            <translation>Die Trainingslayer konnten nicht hinzugefügt werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="274" />
            <source>Could not create the model</source>
            <translation>Das Modell konnte nicht erstellt werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="404" />
            <source>Could not delete the model</source>
            <translation>Das Modell konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="342" />
            <source>Could not import the package</source>
            <translation>Das Paket konnte nicht importiert werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="169" />
            <source>Could not list the models</source>
            <translation>Die Modelle konnten nicht aufgelistet werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="215" />
            <source>Could not list the scenes</source>
            <translation>Die Szenen konnten nicht aufgelistet werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="484" />
            <source>Could not remove the scene</source>
            <translation>Die Szene konnte nicht entfernt werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="377" />
            <source>Could not rename the model</source>
            <translation>Das Modell konnte nicht umbenannt werden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="190" />
            <source>Count</source>
            <translation>Zählen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="186" />
            <source>Create a model to start: choose its classes and the scenes to learn from.</source>
            <translation>Erstellen Sie zum Start ein Modell: Wählen Sie seine Klassen und die Szenen, aus denen es lernt.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="64" />
            <source>Create a new AI model: classes, mode and scenes</source>
            <translation>Ein neues KI-Modell erstellen: Klassen, Modus und Szenen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="389" />
            <source>Delete Model</source>
            <translation>Modell löschen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="72" />
            <source>Delete model…</source>
            <translation>Modell löschen…</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="389" />
            <source>Delete the model {name} with all its snapshots and training data? This cannot be undone.</source>
            <translation>Das Modell {name} mit allen Snapshots und Trainingsdaten löschen? Dies kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="314" />
            <source>Import Snapshot Package</source>
            <translation>Snapshot-Paket importieren</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="74" />
            <source>Import snapshot package…</source>
            <translation>Snapshot-Paket importieren…</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="314" />
            <source>Import snapshot {snapshot} of model {model} as a new model, or as the new current state of {current} (same classes; its training data is kept)?</source>
            <translation>Snapshot {snapshot} des Modells {model} als neues Modell importieren, oder als neuen aktuellen Stand von {current} (gleiche Klassen; seine Trainingsdaten bleiben erhalten)?</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="198" />
            <source>Input: {details}, {dtype}, {crs}; tiles of {tile} px</source>
            <translation>Eingabe: {details}, {dtype}, {crs}; Kacheln von {tile} px</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="328" />
            <source>Into {model}</source>
            <translation>In {model}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="282" />
            <source>Model {name} created. Draw training areas and labels in its layers, then start training.</source>
            <translation>Modell {name} erstellt. Zeichnen Sie Trainingsgebiete und Labels in seine Layer und starten Sie dann das Training.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="368" />
            <source>New name of the model:</source>
            <translation>Neuer Name des Modells:</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="63" />
            <source>New…</source>
            <translation>Neu…</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="173" />
            <source>No model yet: create one</source>
            <translation>Noch kein Modell: Erstellen Sie eines</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="425" />
            <source>No other raster layer in the project</source>
            <translation>Kein weiterer Rasterlayer im Projekt</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="301" />
            <source>ORCA HUNTR package (*.huntrpkg)</source>
            <translation>ORCA-HUNTR-Paket (*.huntrpkg)</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="351" />
            <source>Package imported as model {name}.</source>
            <translation>Paket als Modell {name} importiert.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="355" />
            <source>Package imported: snapshot {snapshot} is the current state of {name}.</source>
            <translation>Paket importiert: Snapshot {snapshot} ist der aktuelle Stand von {name}.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="110" />
            <source>Remove scene</source>
            <translation>Szene entfernen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="368" />
            <source>Rename Model</source>
            <translation>Modell umbenennen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="71" />
            <source>Rename model…</source>
            <translation>Modell umbenennen…</translation>
        </message>
        <message>
            <source>Rename or delete the model</source>
            <translation type="obsolete">Das Modell umbenennen oder löschen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="68" />
            <source>Rename or delete the model, or import a snapshot package</source>
            <translation>Das Modell umbenennen oder löschen, oder ein Snapshot-Paket importieren</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="94" />
            <source>Scenes in use</source>
            <translation>Verwendete Szenen</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="190" />
            <source>Segmentation</source>
            <translation>Segmentierung</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="111" />
            <source>Stop using the selected scenes for training</source>
            <translation>Die ausgewählten Szenen nicht mehr für das Training verwenden</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="58" />
            <source>The AI model you are working on</source>
            <translation>Das KI-Modell, an dem Sie arbeiten</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="97" />
            <source>The rasters the model learns from</source>
            <translation>Die Raster, aus denen das Modell lernt</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="103" />
            <source>Use a raster layer of the project as a scene of this model</source>
            <translation>Einen Rasterlayer des Projekts als Szene dieses Modells verwenden</translation>
        </message>
        <message>
            <source>count</source>
            <translation type="obsolete">Zählen</translation>
        </message>
        <message>
            <source>segmentation</source>
            <translation type="obsolete">Segmentierung</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="197" />
            <source>{mode} · classes: {names}</source>
            <translation>{mode} · Klassen: {names}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="462" />
            <source>{name} cannot be a scene of this model: {reason}</source>
            <translation>{name} kann keine Szene dieses Modells sein: {reason}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="435" />
            <source>{name} — does not fit the model</source>
            <translation>{name} — passt nicht zum Modell</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="435" />
            <source>{name} — does not fit the model: {reason}</source>
            <translation>{name} — passt nicht zum Modell: {reason}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="194" />
            <source>{n} bands</source>
            <translation>{n} Bänder</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="196" />
            <source>{res:g} per pixel</source>
            <translation>{res:g} pro Pixel</translation>
        </message>
    </context>
    <context>
        <name>HuntrNewModelDialog</name>
        <message>
            <location filename="../ui/new_model_dialog.py" line="125" />
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="217" />
            <source>A model with this name already exists.</source>
            <translation>Ein Modell mit diesem Namen existiert bereits.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="79" />
            <source>A name to recognise the model by</source>
            <translation>Ein Name, an dem man das Modell erkennt</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="118" />
            <source>Advanced</source>
            <translation>Erweitert</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="130" />
            <source>At the first training the tile size and the network's depth are derived from the labels' typical size and the pixel size, so the network sees each object and its surroundings whole (recorded in the snapshot). Untick to set the tile size yourself.</source>
            <translation>Beim ersten Training werden Kachelgröße und Netztiefe aus der typischen Größe der Labels und der Pixelgröße abgeleitet, damit das Netz jedes Objekt samt Umgebung ganz sieht (im Snapshot festgehalten). Abwählen, um die Kachelgröße selbst festzulegen.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="145" />
            <source>Channels of the network's first level: larger learns more, runs slower</source>
            <translation>Kanäle der ersten Netzebene: mehr lernt mehr, läuft aber langsamer</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="223" />
            <source>Choose at least one scene (raster layer).</source>
            <translation>Wählen Sie mindestens eine Szene (Rasterlayer).</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="93" />
            <source>Classes (the number of classes is fixed for the model's life)</source>
            <translation>Klassen (ihre Anzahl steht für die gesamte Lebensdauer des Modells fest)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="82" />
            <source>Count (individual objects)</source>
            <translation>Zählen (einzelne Objekte)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="84" />
            <source>Count finds each object separately, even when they touch; segmentation finds areas of each class</source>
            <translation>Zählen findet jedes Objekt einzeln, auch wenn sie sich berühren; Segmentierung findet die Flächen jeder Klasse</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="175" />
            <source>Count mode with object centres: the network also learns each label's box. Where the labels are boxes, detection writes the boxes it predicts; stored with the model</source>
            <translation>Zählmodus mit Objektzentren: das Netz lernt auch den Rahmen jedes Labels. Wo die Labels Rahmen sind, schreibt die Erkennung die vorhergesagten Rahmen; wird mit dem Modell gespeichert</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="168" />
            <source>Count mode: what the network learns to tell touching objects apart; stored with the model</source>
            <translation>Zählmodus: was das Netz lernt, um sich berührende Objekte zu unterscheiden; mit dem Modell gespeichert</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="187" />
            <source>Create model</source>
            <translation>Modell erstellen</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="166" />
            <source>Distance to the edge (the earlier default)</source>
            <translation>Abstand zum Rand (die frühere Voreinstellung)</translation>
        </message>
        <message>
            <source>Distance to the edge (touching and overlapping objects)</source>
            <translation type="obsolete">Abstand zum Rand (sich berührende und überlappende Objekte)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="151" />
            <source>From the labels (recommended)</source>
            <translation>Aus den Labels (empfohlen)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="152" />
            <source>Full resolution</source>
            <translation>Volle Auflösung</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="215" />
            <source>Give the model a name.</source>
            <translation>Geben Sie dem Modell einen Namen.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="153" />
            <source>Half resolution (objects 32 px or more)</source>
            <translation>Halbe Auflösung (Objekte ab 32 px)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="172" />
            <source>Learn each object's box (box head)</source>
            <translation>Den Rahmen jedes Objekts lernen (Rahmen-Kopf)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="90" />
            <source>Mode</source>
            <translation>Modus</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="80" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="162" />
            <source>Network resolution</source>
            <translation>Auflösung des Netzes</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="148" />
            <source>Network width</source>
            <translation>Netzbreite</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="72" />
            <source>New AI Model</source>
            <translation>Neues KI-Modell</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="111" />
            <source>No raster layer in the project: add the imagery first.</source>
            <translation>Kein Rasterlayer im Projekt: Fügen Sie zuerst die Bilddaten hinzu.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="95" />
            <source>Object</source>
            <translation>Objekt</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="165" />
            <source>Object centres (touching and overlapping objects)</source>
            <translation>Objektmitten (sich berührende und überlappende Objekte)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="154" />
            <source>Quarter resolution (objects 64 px or more)</source>
            <translation>Viertel Auflösung (Objekte ab 64 px)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="101" />
            <source>Raster layers of the project; all must have the same bands</source>
            <translation>Rasterlayer des Projekts; alle müssen dieselben Bänder haben</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="98" />
            <source>Scenes to learn from</source>
            <translation>Szenen zum Lernen</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="83" />
            <source>Segmentation (areas)</source>
            <translation>Segmentierung (Flächen)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="171" />
            <source>Separating objects</source>
            <translation>Trennung der Objekte</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="126" />
            <source>Side of the square tiles the network learns from (a multiple of 32)</source>
            <translation>Seitenlänge der quadratischen Kacheln, aus denen das Netz lernt (ein Vielfaches von 32)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="225" />
            <source>The chosen scenes do not have the same number of bands.</source>
            <translation>Die gewählten Szenen haben nicht dieselbe Anzahl an Bändern.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="155" />
            <source>The resolution the network works at: large objects are learnt as well at half or a quarter of the raster's resolution, for a quarter or a sixteenth of the compute. Detection still outlines them at full resolution.</source>
            <translation>Die Auflösung, mit der das Netz arbeitet: große Objekte lernt es bei halber oder viertel Auflösung des Rasters ebenso gut, für ein Viertel oder ein Sechzehntel der Rechenzeit. Die Erkennung umreißt sie weiterhin in voller Auflösung.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="167" />
            <source>Thin rims (objects that barely touch)</source>
            <translation>Dünne Ränder (Objekte, die sich kaum berühren)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="139" />
            <source>Tile size</source>
            <translation>Kachelgröße</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="78" />
            <source>e.g. Trees</source>
            <translation>z. B. Bäume</translation>
        </message>
    </context>
    <context>
        <name>HuntrProvider</name>
        <message>
            <location filename="../processing/provider.py" line="21" />
            <source>ORCA HUNTR</source>
            <translation>ORCA HUNTR</translation>
        </message>
    </context>
    <context>
        <name>HuntrRetention</name>
        <message>
            <location filename="../adapters/retention.py" line="70" />
            <source>always keep the best by {metric}</source>
            <translation>immer den besten nach {metric} behalten</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="37" />
            <source>beyond the last {n} temporary snapshots (#{rank} from the newest)</source>
            <translation>jenseits der letzten {n} temporären Snapshots (Nr. {rank} ab dem neuesten)</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="71" />
            <source>disk budget {mb} MB</source>
            <translation>Speicherbudget {mb} MB</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="63" />
            <source>expire after {days} days</source>
            <translation>Ablauf nach {days} Tagen</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="35" />
            <source>expired on {date}</source>
            <translation>abgelaufen am {date}</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="64" />
            <source>keep the last {n}</source>
            <translation>die letzten {n} behalten</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="55" />
            <source>kept: the best by {metric} ({value})</source>
            <translation>behalten: der beste nach {metric} ({value})</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="58" />
            <source>kept: the last complete run, while an interrupted run's checkpoint is current</source>
            <translation>behalten: der letzte abgeschlossene Lauf, solange der Zwischenstand eines abgebrochenen Laufs der aktuelle Zustand ist</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="64" />
            <source>no count limit</source>
            <translation>keine Anzahlgrenze</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="71" />
            <source>no disk budget</source>
            <translation>kein Speicherbudget</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="40" />
            <source>over the disk budget by {size}</source>
            <translation>über dem Speicherbudget um {size}</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="45" />
            <source>revert of {date}: undo expired on {expiry}</source>
            <translation>Zurücksetzen vom {date}: Rückgängigmachen abgelaufen am {expiry}</translation>
        </message>
    </context>
    <context>
        <name>HuntrRetentionDialog</name>
        <message>
            <location filename="../ui/retention_dialog.py" line="84" />
            <source> days</source>
            <translation> Tage</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="101" />
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="85" />
            <source>A temporary snapshot is deleted this long after it stopped being current</source>
            <translation>Ein temporärer Snapshot wird so lange, nachdem er nicht mehr der aktuelle Zustand ist, gelöscht</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="105" />
            <source>Always keep the best by</source>
            <translation>Immer den besten behalten nach</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="122" />
            <source>Apply policy</source>
            <translation>Regel anwenden</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="369" />
            <source>Apply the edited policy first</source>
            <translation>Wenden Sie zuerst die geänderte Regel an</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="107" />
            <source>At most</source>
            <translation>Höchstens</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="394" />
            <source>Could not purge</source>
            <translation>Bereinigung nicht möglich</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="186" />
            <source>Could not read the retention policy</source>
            <translation>Die Aufbewahrungsregel konnte nicht gelesen werden</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="254" />
            <source>Could not set the retention policy</source>
            <translation>Die Aufbewahrungsregel konnte nicht gesetzt werden</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="97" />
            <source>Count</source>
            <translation>Zählen</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="379" />
            <source>Delete {n} snapshots ({size}) for good? They cannot be restored. Saved snapshots and current states are kept.</source>
            <translation>{n} Snapshots ({size}) endgültig löschen? Sie können nicht wiederhergestellt werden. Gespeicherte Snapshots und aktuelle Zustände bleiben erhalten.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="116" />
            <source>Disk budget</source>
            <translation>Speicherbudget</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="63" />
            <source>Disk use</source>
            <translation>Speicherbelegung</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="274" />
            <source>In force: </source>
            <translation>In Kraft: </translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="90" />
            <source>Keep only the last</source>
            <translation>Nur die letzten</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="67" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="67" />
            <source>Model / snapshot</source>
            <translation>Modell / Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="151" />
            <source>Model “{name}”</source>
            <translation>Modell „{name}“</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="67" />
            <source>Next purge</source>
            <translation>Nächste Bereinigung</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="274" />
            <source>Not applied yet: </source>
            <translation>Noch nicht angewendet: </translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="356" />
            <source>Nothing: every snapshot is kept by the policy.</source>
            <translation>Nichts: Die Regel behält jeden Snapshot.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="78" />
            <source>Policy of</source>
            <translation>Regel für</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="145" />
            <source>Purge now…</source>
            <translation>Jetzt bereinigen…</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="379" />
            <source>Purge snapshots</source>
            <translation>Snapshots bereinigen</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="56" />
            <source>Retention and disk use</source>
            <translation>Aufbewahrung und Speicherbelegung</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="74" />
            <source>Retention policy</source>
            <translation>Aufbewahrungsregel</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Size</source>
            <translation>Größe</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Snapshot</source>
            <translation>Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="88" />
            <source>Temporary snapshots expire after</source>
            <translation>Temporäre Snapshots laufen ab nach</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="362" />
            <source>The clock is earlier than a snapshot's creation: nothing expires until it is right.</source>
            <translation>Die Uhr geht vor der Erstellung eines Snapshots: Nichts läuft ab, bis sie stimmt.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="127" />
            <source>The next purge would delete</source>
            <translation>Die nächste Bereinigung würde löschen</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="104" />
            <source>The snapshot with the best value of this metric is never purged</source>
            <translation>Der Snapshot mit dem besten Wert dieser Metrik wird nie bereinigt</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="366" />
            <source>This is what the edited policy would delete: apply it before purging.</source>
            <translation>Das würde die geänderte Regel löschen: Wenden Sie sie vor dem Bereinigen an.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="79" />
            <source>This model has its own policy (else it follows the workspace's)</source>
            <translation>Dieses Modell hat eine eigene Regel (sonst folgt es der des Arbeitsbereichs)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="152" />
            <source>Workspace (every model without its own policy)</source>
            <translation>Arbeitsbereich (jedes Modell ohne eigene Regel)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="330" />
            <source>Workspace: {total} (detections {detections})</source>
            <translation>Arbeitsbereich: {total} (Erkennungen {detections})</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="284" />
            <source>current</source>
            <translation>aktuell</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="320" />
            <source>deleted: {reason}</source>
            <translation>gelöscht: {reason}</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="114" />
            <source>of snapshots per model (the oldest go first)</source>
            <translation>Snapshots pro Modell (die ältesten zuerst)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="291" />
            <source>own policy</source>
            <translation>eigene Regel</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="320" />
            <source>reverted</source>
            <translation>zurückgesetzt</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="284" />
            <source>saved</source>
            <translation>gespeichert</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="304" />
            <source>stays over its budget by {size}</source>
            <translation>bleibt um {size} über seinem Budget</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="284" />
            <source>temporary</source>
            <translation>temporär</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="95" />
            <source>temporary snapshots</source>
            <translation>temporären Snapshots behalten</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="291" />
            <source>workspace policy</source>
            <translation>Regel des Arbeitsbereichs</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="322" />
            <source>{n} reverted snapshots</source>
            <translation>{n} zurückgenommene Snapshots</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="291" />
            <source>{n} snapshots · training data {size}</source>
            <translation>{n} Snapshots · Trainingsdaten {size}</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="358" />
            <source>{n} snapshots, {size}. Saved snapshots and current states are never deleted.</source>
            <translation>{n} Snapshots, {size}. Gespeicherte Snapshots und aktuelle Zustände werden nie gelöscht.</translation>
        </message>
    </context>
    <context>
        <name>HuntrRevertDialog</name>
        <message>
            <source>1 label added since will be lost.</source>
            <translation type="obsolete">1 seitdem hinzugefügtes Label geht verloren.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="73" />
            <source>1 label added since will be taken back.</source>
            <translation>1 seitdem hinzugefügtes Label wird zurückgenommen.</translation>
        </message>
        <message>
            <source>1 later snapshot will be deleted.</source>
            <translation type="obsolete">1 späterer Snapshot wird gelöscht.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="57" />
            <source>1 later snapshot will leave the timeline.</source>
            <translation>1 späterer Snapshot verlässt die Zeitleiste.</translation>
        </message>
        <message>
            <source>1 training area added since will be lost.</source>
            <translation type="obsolete">1 seitdem hinzugefügtes Trainingsgebiet geht verloren.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="68" />
            <source>1 training area added since will be taken back.</source>
            <translation>1 seitdem hinzugefügte Trainingsfläche wird zurückgenommen.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="62" />
            <source>Among them 1 saved snapshot.</source>
            <translation>Darunter 1 gespeicherter Snapshot.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="62" />
            <source>Among them {n} saved snapshots.</source>
            <translation>Darunter {n} gespeicherte Snapshots.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="79" />
            <source>Edits made to the training data since then will be undone.</source>
            <translation>Seitdem vorgenommene Änderungen an den Trainingsdaten werden rückgängig gemacht.</translation>
        </message>
        <message>
            <source>I understand that this cannot be undone</source>
            <translation type="obsolete">Mir ist klar, dass dies nicht rückgängig gemacht werden kann</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="129" />
            <source>I understand what the revert takes back</source>
            <translation>Mir ist klar, was das Zurücksetzen zurücknimmt</translation>
        </message>
        <message>
            <source>No later snapshot will be deleted.</source>
            <translation type="obsolete">Es wird kein späterer Snapshot gelöscht.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="55" />
            <source>No later snapshot will leave the timeline.</source>
            <translation>Kein späterer Snapshot verlässt die Zeitleiste.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="135" />
            <source>Revert</source>
            <translation>Zurücksetzen</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="110" />
            <source>Revert the model to &lt;b&gt;{name}&lt;/b&gt; ({time})?</source>
            <translation>Das Modell auf &lt;b&gt;{name}&lt;/b&gt; ({time}) zurücksetzen?</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="103" />
            <source>Revert to Snapshot</source>
            <translation>Auf Snapshot zurücksetzen</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="124" />
            <source>The snapshot becomes the current state and the training layers show its data again.</source>
            <translation>Der Snapshot wird zum aktuellen Stand, und die Trainingslayer zeigen wieder seine Daten.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="81" />
            <source>The training data have not changed since then.</source>
            <translation>Die Trainingsdaten haben sich seitdem nicht geändert.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="84" />
            <source>What the revert takes back can be restored with Undo at any time (it holds a saved snapshot).</source>
            <translation>Was das Zurücksetzen zurücknimmt, lässt sich jederzeit mit „Rückgängig“ wiederherstellen (es enthält einen gespeicherten Snapshot).</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="84" />
            <source>What the revert takes back can be restored with Undo until {date}.</source>
            <translation>Was das Zurücksetzen zurücknimmt, lässt sich bis {date} mit „Rückgängig“ wiederherstellen.</translation>
        </message>
        <message>
            <source>{n} labels added since will be lost.</source>
            <translation type="obsolete">{n} seitdem hinzugefügte Labels gehen verloren.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="73" />
            <source>{n} labels added since will be taken back.</source>
            <translation>{n} seitdem hinzugefügte Labels werden zurückgenommen.</translation>
        </message>
        <message>
            <source>{n} later snapshots will be deleted.</source>
            <translation type="obsolete">{n} spätere Snapshots werden gelöscht.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="59" />
            <source>{n} later snapshots will leave the timeline.</source>
            <translation>{n} spätere Snapshots verlassen die Zeitleiste.</translation>
        </message>
        <message>
            <source>{n} training areas added since will be lost.</source>
            <translation type="obsolete">{n} seitdem hinzugefügte Trainingsgebiete gehen verloren.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="68" />
            <source>{n} training areas added since will be taken back.</source>
            <translation>{n} seitdem hinzugefügte Trainingsflächen werden zurückgenommen.</translation>
        </message>
    </context>
    <context>
        <name>HuntrSnapshotModelDialog</name>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="85" />
            <source>A model with this name already exists.</source>
            <translation>Ein Modell mit diesem Namen existiert bereits.</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="36" />
            <source>A new model starting from the weights of snapshot &lt;b&gt;{snapshot}&lt;/b&gt; ({time}) of &lt;b&gt;{model}&lt;/b&gt;.</source>
            <translation>Ein neues Modell, das von den Gewichten des Snapshots &lt;b&gt;{snapshot}&lt;/b&gt; ({time}) von &lt;b&gt;{model}&lt;/b&gt; ausgeht.</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="32" />
            <source>AI Model from Snapshot</source>
            <translation>KI-Modell aus Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="57" />
            <source>Classes ({n}, as in the snapshot; you can rename them)</source>
            <translation>Klassen ({n}, wie im Snapshot; Sie können sie umbenennen)</translation>
        </message>
        <message>
            <source>Copy the snapshot's training areas and labels into the new model; otherwise it starts without any (the scenes are kept either way)</source>
            <translation type="obsolete">Die Trainingsgebiete und Labels des Snapshots in das neue Modell kopieren; sonst beginnt es ohne (die Szenen bleiben in jedem Fall erhalten)</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="67" />
            <source>Copy the snapshot's training areas, labels and scenes into the new model; otherwise it starts without any (add the scenes it should learn from)</source>
            <translation>Trainingsgebiete, Labels und Szenen des Snapshots in das neue Modell kopieren; sonst beginnt es ohne (fügen Sie die Szenen hinzu, aus denen es lernen soll)</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="74" />
            <source>Create model</source>
            <translation>Modell erstellen</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="83" />
            <source>Give the new model a name.</source>
            <translation>Geben Sie dem neuen Modell einen Namen.</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="54" />
            <source>Name of the new model</source>
            <translation>Name des neuen Modells</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="55" />
            <source>New model name</source>
            <translation>Name des neuen Modells</translation>
        </message>
        <message>
            <source>Reuse training areas and labels</source>
            <translation type="obsolete">Trainingsgebiete und Labels wiederverwenden</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="66" />
            <source>Reuse training areas, labels and scenes</source>
            <translation>Trainingsgebiete, Labels und Szenen wiederverwenden</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="51" />
            <source>{model} (from {snapshot})</source>
            <translation>{model} (aus {snapshot})</translation>
        </message>
    </context>
    <context>
        <name>HuntrTimeline</name>
        <message>
            <location filename="../ui/timeline.py" line="254" />
            <source>1 label</source>
            <translation>1 Label</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="263" />
            <source>1 reverted snapshot</source>
            <translation>1 zurückgenommener Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="255" />
            <source>1 scene</source>
            <translation>1 Szene</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="140" />
            <source>1 step</source>
            <translation>1 Schritt</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="253" />
            <source>1 training area</source>
            <translation>1 Trainingsgebiet</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="49" />
            <source>AI Model from Snapshot…</source>
            <translation>KI-Modell aus Snapshot…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="353" />
            <source>Actions</source>
            <translation>Aktionen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="110" />
            <source>Checkpoint · {kind}</source>
            <translation>Sicherungspunkt · {kind}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="50" />
            <source>Compare with…</source>
            <translation>Vergleichen mit…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="376" />
            <source>Created at (local time)</source>
            <translation>Erstellt am (Ortszeit)</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="112" />
            <source>Current state</source>
            <translation>Aktueller Stand</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="53" />
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="66" />
            <source>Delete this snapshot for good</source>
            <translation>Diesen Snapshot endgültig löschen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="221" />
            <source>Detection settings (calibrated): score ≥ {score}, boundary &lt; {boundary}, ≥ {pixels} px</source>
            <translation>Erkennungseinstellungen (kalibriert): Wert ≥ {score}, Grenze &lt; {boundary}, ≥ {pixels} px</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="231" />
            <source>Detection writes each object as a box (the labels were boxes)</source>
            <translation>Die Erkennung schreibt jedes Objekt als Rahmen (die Labels waren Rahmen)</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="132" />
            <source>Expires on {date} (local time), unless you save it</source>
            <translation>Läuft am {date} (Ortszeit) ab, außer Sie speichern ihn</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="51" />
            <source>Export package…</source>
            <translation>Paket exportieren…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="181" />
            <source>F1 {value}</source>
            <translation>F1 {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="60" />
            <source>Give this snapshot another name</source>
            <translation>Diesem Snapshot einen anderen Namen geben</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="218" />
            <source>IoU of class {id}: {value}</source>
            <translation>IoU der Klasse {id}: {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="183" />
            <source>IoU {value}</source>
            <translation>IoU {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="59" />
            <source>Keep this snapshot: saved snapshots never expire</source>
            <translation>Diesen Snapshot behalten: Gespeicherte Snapshots laufen nie ab</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="345" />
            <source>Kept for a while, then removed automatically unless you save it</source>
            <translation>Wird eine Weile aufbewahrt und dann automatisch entfernt, sofern Sie ihn nicht speichern</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="346" />
            <source>Kept until you delete it</source>
            <translation>Bleibt erhalten, bis Sie ihn löschen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="65" />
            <source>Make this snapshot the current state and discard everything after it</source>
            <translation>Diesen Snapshot zum aktuellen Stand machen und alles danach verwerfen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="203" />
            <source>Mean IoU</source>
            <translation>Mittlere IoU</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="63" />
            <source>Metrics, training data changes and detections of this snapshot and another</source>
            <translation>Metriken, Änderungen der Trainingsdaten und Erkennungen dieses und eines anderen Snapshots</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="452" />
            <source>Move to quarantine</source>
            <translation>In Quarantäne verschieben</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="241" />
            <source>No metrics recorded</source>
            <translation>Keine Kennzahlen erfasst</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="444" />
            <source>No snapshots yet. Train the model: every stop adds one here.</source>
            <translation>Noch keine Snapshots. Trainieren Sie das Modell: Jeder Halt fügt hier einen hinzu.</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="204" />
            <source>Object F1</source>
            <translation>Objekt-F1</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="205" />
            <source>Object precision</source>
            <translation>Objekt-Präzision</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="206" />
            <source>Object recall</source>
            <translation>Objekt-Trefferquote</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="236" />
            <source>Of two boxes overlapping more than IoU {iou}, the lower-scored is dropped</source>
            <translation>Von zwei Rahmen mit einer Überlappung über IoU {iou} wird der schwächer bewertete entfernt</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="47" />
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="504" />
            <source>Restore what this revert took back; what replaced it is kept the same way</source>
            <translation>Wiederherstellen, was dieses Zurücksetzen zurückgenommen hat; was es ersetzt hat, wird ebenso aufbewahrt</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="52" />
            <source>Revert to…</source>
            <translation>Zurücksetzen auf…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="263" />
            <source>Reverted training data</source>
            <translation>Zurückgenommene Trainingsdaten</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="61" />
            <source>Run detection on a raster with this snapshot's weights</source>
            <translation>Eine Erkennung auf einem Raster mit den Gewichten dieses Snapshots ausführen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="48" />
            <source>Run detection…</source>
            <translation>Erkennung ausführen…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="46" />
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="114" />
            <source>Saved</source>
            <translation>Gespeichert</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="116" />
            <source>Saved? · state unknown, never purged</source>
            <translation>Gespeichert? · Zustand unbekannt, wird nie bereinigt</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="525" />
            <source>Snapshot(s) {ids} cannot be read ({reason}). Training this model is blocked: it would continue from an older snapshot. Repair the files, or move the snapshot(s) to the workspace's .quarantine folder.</source>
            <translation>Snapshot(s) {ids} nicht lesbar ({reason}). Das Training dieses Modells ist blockiert: es würde von einem älteren Snapshot aus fortgesetzt. Reparieren Sie die Dateien oder verschieben Sie den/die Snapshot(s) in den Ordner .quarantine des Arbeitsbereichs.</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="62" />
            <source>Start a new AI model from this snapshot's weights</source>
            <translation>Ein neues KI-Modell mit den Gewichten dieses Snapshots beginnen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="119" />
            <source>Temporary</source>
            <translation>Temporär</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="123" />
            <source>Temporary · expires in 1 day</source>
            <translation>Temporär · läuft in 1 Tag ab</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="124" />
            <source>Temporary · expires in {n} days</source>
            <translation>Temporär · läuft in {n} Tagen ab</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="121" />
            <source>Temporary · expires today</source>
            <translation>Temporär · läuft heute ab</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="344" />
            <source>The most recent state of the model: training resumes from here</source>
            <translation>Der neueste Stand des Modells: Das Training wird von hier aus fortgesetzt</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="388" />
            <source>Training data in use when the snapshot was taken</source>
            <translation>Beim Erstellen des Snapshots verwendete Trainingsdaten</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="201" />
            <source>Training loss</source>
            <translation>Trainingsverlust</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="367" />
            <source>Training steps and epochs of the model at this snapshot</source>
            <translation>Trainingsschritte und Epochen des Modells bei diesem Snapshot</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="502" />
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="233" />
            <source>Validated with flip averaging: detection averages the mirror images too</source>
            <translation>Mit Spiegelungsmittel validiert: die Erkennung mittelt ebenfalls die Spiegelbilder</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="202" />
            <source>Validation loss</source>
            <translation>Validierungsverlust</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="208" />
            <source>Validation metrics of this snapshot</source>
            <translation>Validierungskennzahlen dieses Snapshots</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="354" />
            <source>What to do with this snapshot</source>
            <translation>Was mit diesem Snapshot geschehen soll</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="64" />
            <source>Write this snapshot to one file that another project can import</source>
            <translation>Diesen Snapshot in eine Datei schreiben, die ein anderes Projekt importieren kann</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="191" />
            <source>loss {value}</source>
            <translation>Verlust {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="192" />
            <source>no metrics yet</source>
            <translation>noch keine Kennzahlen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="270" />
            <source>undo at any time</source>
            <translation>jederzeit rückgängig</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="270" />
            <source>undo until {date}</source>
            <translation>rückgängig bis {date}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="254" />
            <source>{n} labels</source>
            <translation>{n} Labels</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="263" />
            <source>{n} reverted snapshots</source>
            <translation>{n} zurückgenommene Snapshots</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="255" />
            <source>{n} scenes</source>
            <translation>{n} Szenen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="140" />
            <source>{n} steps</source>
            <translation>{n} Schritte</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="253" />
            <source>{n} training areas</source>
            <translation>{n} Trainingsgebiete</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="141" />
            <source>{steps} · {epochs} epochs</source>
            <translation>{steps} · {epochs} Epochen</translation>
        </message>
    </context>
    <context>
        <name>HuntrTrainTask</name>
        <message>
            <location filename="../tasks/train_task.py" line="39" />
            <source>ORCA HUNTR: training</source>
            <translation>ORCA HUNTR: Training</translation>
        </message>
        <message>
            <location filename="../tasks/train_task.py" line="70" />
            <source>Training was cancelled before it started; nothing was written.</source>
            <translation>Das Training wurde vor dem Start abgebrochen; es wurde nichts geschrieben.</translation>
        </message>
        <message>
            <location filename="../tasks/train_task.py" line="61" />
            <source>{title} · step {step} · loss {loss:.4f}</source>
            <translation>{title} · Schritt {step} · Verlust {loss:.4f}</translation>
        </message>
    </context>
    <context>
        <name>HuntrTrainingCurve</name>
        <message>
            <location filename="../ui/training_curve.py" line="66" />
            <source>F1</source>
            <translation>F1</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="66" />
            <source>IoU</source>
            <translation>IoU</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="283" />
            <source>Snapshot {name} · step {step}</source>
            <translation>Snapshot {name} · Schritt {step}</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="190" />
            <source>The training curve appears after the first training</source>
            <translation>Die Trainingskurve erscheint nach dem ersten Training</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="121" />
            <source>Training loss (blue, left axis) and validation {metric} (orange, right axis) against steps; the marks at the top are the snapshots</source>
            <translation>Trainingsverlust (blau, linke Achse) und Validierungs-{metric} (orange, rechte Achse) über die Schritte; die Marken oben sind die Snapshots</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="218" />
            <source>step {n}</source>
            <translation>Schritt {n}</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="222" />
            <source>— loss</source>
            <translation>— Verlust</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="222" />
            <source>— validation {metric}</source>
            <translation>— Validierungs-{metric}</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="222" />
            <source>▼ snapshots</source>
            <translation>▼ Snapshots</translation>
        </message>
    </context>
    <context>
        <name>HuntrTrainingLayers</name>
        <message>
            <location filename="../ui/training_layers.py" line="140" />
            <source>Class</source>
            <translation>Klasse</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="37" />
            <source>Labels</source>
            <translation>Labels</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="112" />
            <source>Purpose</source>
            <translation>Zweck</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="105" />
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="37" />
            <source>Training areas</source>
            <translation>Trainingsgebiete</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="114" />
            <source>Validation (accuracy)</source>
            <translation>Validierung (Genauigkeit)</translation>
        </message>
    </context>
    <context>
        <name>HuntrTrainingPanel</name>
        <message>
            <location filename="../ui/training_panel.py" line="158" />
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="135" />
            <source> steps</source>
            <translation> Schritte</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="519" />
            <source>%p% · {eta} left</source>
            <translation>%p% · noch {eta}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Another project's training is still running: stop it or wait for it to end</source>
            <translation>Das Training eines anderen Projekts läuft noch: stoppen Sie es oder warten Sie sein Ende ab</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="147" />
            <source>Automatic (GPU when available)</source>
            <translation>Automatisch (GPU, falls verfügbar)</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="145" />
            <source>Budget</source>
            <translation>Budget</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="148" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="165" />
            <source>Checkpoint</source>
            <translation>Sicherungspunkt</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Continue from the current state with the training data as they are now</source>
            <translation>Vom aktuellen Stand aus mit den Trainingsdaten in ihrem jetzigen Zustand weitermachen</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="369" />
            <source>Could not start training</source>
            <translation>Das Training konnte nicht gestartet werden</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="396" />
            <source>Details…</source>
            <translation>Details…</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="151" />
            <source>Device</source>
            <translation>Rechengerät</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="585" />
            <source>Done · %p%</source>
            <translation>Fertig · %p%</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="159" />
            <source>During a run, keep its state as a checkpoint snapshot this often: if QGIS stops, at most this much training is lost. Only the newest checkpoints are kept.</source>
            <translation>Während eines Trainings seinen Stand so oft als Sicherungspunkt-Snapshot festhalten: Stoppt QGIS, geht höchstens so viel Training verloren. Nur die neuesten Sicherungspunkte bleiben erhalten.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="62" />
            <source>Epoch budget reached</source>
            <translation>Epochenbudget erreicht</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="549" />
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="149" />
            <source>GPU (CUDA)</source>
            <translation>GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="497" />
            <source>Keep training</source>
            <translation>Weiter trainieren</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="593" />
            <source>Last metrics: {metric}</source>
            <translation>Letzte Kennzahlen: {metric}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="529" />
            <source>Last validation: {metric}</source>
            <translation>Letzte Validierung: {metric}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="87" />
            <source>Model {model} has no labels. Training would teach it that everything inside its training areas is background, so it would detect nothing.

Draw labels (polygons with a class) inside the training areas first.</source>
            <translation>Modell {model} hat keine Labels. Das Training würde ihm beibringen, dass alles in seinen Trainingsgebieten Hintergrund ist; es würde nichts erkennen.

Zeichnen Sie zuerst Labels (Polygone mit einer Klasse) in die Trainingsgebiete.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="92" />
            <source>No labels for {classes}. The model would learn that these are background and would not detect them.

Draw labels of every class inside the training areas first.</source>
            <translation>Keine Labels für {classes}. Das Modell würde lernen, dass dies Hintergrund ist, und sie nicht erkennen.

Zeichnen Sie zuerst Labels jeder Klasse in die Trainingsgebiete.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="561" />
            <source>Not running</source>
            <translation>Läuft nicht</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="553" />
            <source>Not started</source>
            <translation>Nicht gestartet</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="366" />
            <source>ORCA HUNTR: training {model}</source>
            <translation>ORCA HUNTR: Training von {model}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="382" />
            <source>Reading the training data…</source>
            <translation>Trainingsdaten werden gelesen…</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="434" />
            <source>Resume Interrupted Training</source>
            <translation>Unterbrochenes Training fortsetzen</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="435" />
            <source>Resume from the checkpoint</source>
            <translation>Vom Sicherungspunkt fortsetzen</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="317" />
            <source>Resume training</source>
            <translation>Training fortsetzen</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="317" />
            <source>Start training</source>
            <translation>Training starten</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="381" />
            <source>Starting… %p%</source>
            <translation>Startet… %p%</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="61" />
            <source>Step budget reached</source>
            <translation>Schrittbudget erreicht</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="189" />
            <source>Step, epoch and training loss of the running training</source>
            <translation>Schritt, Epoche und Trainingsverlust des laufenden Trainings</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="275" />
            <source>Still training {model} of {project} in the background (workspace {path}); Stop ends that run and writes its snapshot there.</source>
            <translation>{model} aus {project} wird weiter im Hintergrund trainiert (Arbeitsbereich {path}); Stopp beendet dieses Training und schreibt seinen Snapshot dorthin.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="171" />
            <source>Stop</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="173" />
            <source>Stop after the current step; the model is kept as a new snapshot</source>
            <translation>Nach dem aktuellen Schritt anhalten; das Modell wird als neuer Snapshot behalten</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="496" />
            <source>Stop and snapshot now</source>
            <translation>Jetzt stoppen und Snapshot erstellen</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="65" />
            <source>Stopped</source>
            <translation>Angehalten</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="60" />
            <source>Stopped by you</source>
            <translation>Von Ihnen angehalten</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="64" />
            <source>Stopped early: validation no longer improved</source>
            <translation>Vorzeitig angehalten: Die Validierung hat sich nicht mehr verbessert</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="582" />
            <source>Stopped · %p% of the budget</source>
            <translation>Gestoppt · %p% des Budgets</translation>
        </message>
        <message>
            <source>Stopping after the current step…</source>
            <translation type="obsolete">Hält nach dem aktuellen Schritt an…</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="517" />
            <source>Stopping… %p%</source>
            <translation>Wird gestoppt… %p%</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="464" />
            <source>Stopping… (finishing the current step and writing the snapshot)</source>
            <translation>Wird gestoppt… (der aktuelle Schritt wird beendet und der Snapshot geschrieben)</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="425" />
            <source>The last training of {model} did not end: it was interrupted at step {steps}. Its newest checkpoint ({name}) is the current state. Resume training from it?</source>
            <translation>Das letzte Training von {model} wurde nicht beendet: Es wurde bei Schritt {steps} unterbrochen. Sein neuester Sicherungspunkt ({name}) ist der aktuelle Stand. Das Training von dort fortsetzen?</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="194" />
            <source>The last validation metrics</source>
            <translation>Die letzten Validierungskennzahlen</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="480" />
            <source>The unsaved project</source>
            <translation>Das nicht gespeicherte Projekt</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="398" />
            <source>The whole message is also in the ORCA HUNTR tab of the log panel</source>
            <translation>Die vollständige Meldung steht auch im Reiter ORCA HUNTR des Protokollfensters</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="63" />
            <source>Time budget reached</source>
            <translation>Zeitbudget erreicht</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="430" />
            <source>To start from the last snapshot a run ended with ({name}) instead, cancel and revert to it on the timeline.</source>
            <translation>Um stattdessen vom letzten Snapshot eines beendeten Trainings ({name}) zu starten, brechen Sie ab und kehren Sie auf der Zeitleiste zu ihm zurück.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="449" />
            <source>Train anyway</source>
            <translation>Trotzdem trainieren</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Train the model on its training areas and labels</source>
            <translation>Das Modell mit seinen Trainingsgebieten und Labels trainieren</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="112" />
            <source>Training</source>
            <translation>Training</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="404" />
            <source>Training Error</source>
            <translation>Trainingsfehler</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="480" />
            <source>Training Still Running</source>
            <translation>Training läuft noch</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="448" />
            <source>Training Without Labels</source>
            <translation>Training ohne Labels</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="142" />
            <source>Training also stops after this many minutes</source>
            <translation>Das Training endet auch nach so vielen Minuten</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="551" />
            <source>Training could not start</source>
            <translation>Das Training konnte nicht starten</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Training is running</source>
            <translation>Das Training läuft</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="564" />
            <source>Training of {model} ({project}) stopped: snapshot {name} is its current state, in {path}.</source>
            <translation>Training von {model} ({project}) gestoppt: Snapshot {name} ist sein aktueller Stand, in {path}.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="548" />
            <source>Training stopped with an error</source>
            <translation>Das Training wurde mit einem Fehler beendet</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="597" />
            <source>Training stopped: snapshot {name} is the current state.</source>
            <translation>Training beendet: Snapshot {name} ist der aktuelle Stand.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="136" />
            <source>Training stops after this many more steps (or earlier with Stop)</source>
            <translation>Das Training endet nach so vielen weiteren Schritten (oder früher mit Anhalten)</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="274" />
            <source>Training {model} (workspace {path})</source>
            <translation>Training von {model} (Arbeitsbereich {path})</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="150" />
            <source>Where the network is trained</source>
            <translation>Wo das Netz trainiert wird</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="301" />
            <source>Workspace of the running training: {path}</source>
            <translation>Arbeitsbereich des laufenden Trainings: {path}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="522" />
            <source>epoch {epoch:.1f}</source>
            <translation>Epoche {epoch:.1f}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="157" />
            <source>every </source>
            <translation>alle </translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="590" />
            <source>loss {loss:.4f}</source>
            <translation>Verlust {loss:.4f}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="156" />
            <source>no checkpoints</source>
            <translation>keine Sicherungspunkte</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="134" />
            <source>no step limit</source>
            <translation>ohne Schrittgrenze</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="140" />
            <source>no time limit</source>
            <translation>ohne Zeitlimit</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="588" />
            <source>step {step}</source>
            <translation>Schritt {step}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="70" />
            <source>the unsaved project</source>
            <translation>das nicht gespeicherte Projekt</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="51" />
            <source>{h} h {m:02d} min</source>
            <translation>{h} h {m:02d} min</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="53" />
            <source>{m} min {s:02d} s</source>
            <translation>{m} min {s:02d} s</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="480" />
            <source>{project} was closed while model {model} is training.

Stop now: training ends after the current step and its snapshot is written to {path}.

Keep training: the run goes on in the background; this panel keeps showing it, with its Stop button, and its snapshot is written there when it ends.</source>
            <translation>{project} wurde geschlossen, während Modell {model} trainiert.

Jetzt stoppen: Das Training endet nach dem aktuellen Schritt und sein Snapshot wird nach {path} geschrieben.

Weiter trainieren: Das Training läuft im Hintergrund weiter; dieses Panel zeigt es weiterhin mit seiner Stopp-Schaltfläche an, und sein Snapshot wird am Ende dorthin geschrieben.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="54" />
            <source>{s} s</source>
            <translation>{s} s</translation>
        </message>
    </context>
    <context>
        <name>HuntrWorkspace</name>
        <message>
            <location filename="../ui/workspace_binding.py" line="169" />
            <source>1 expired temporary snapshot was removed.</source>
            <translation>1 abgelaufener temporärer Snapshot wurde entfernt.</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="84" />
            <source>Could not open the ORCA HUNTR workspace</source>
            <translation>Der ORCA-HUNTR-Arbeitsbereich konnte nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="164" />
            <source>Could not remove expired snapshots</source>
            <translation>Abgelaufene Snapshots konnten nicht entfernt werden</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="151" />
            <source>The ORCA HUNTR workspace now lives beside the project: {path}</source>
            <translation>Der ORCA-HUNTR-Arbeitsbereich liegt jetzt neben dem Projekt: {path}</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="132" />
            <source>The project was saved under a new name: its ORCA HUNTR workspace is now {new}. The models of {old} stay there.</source>
            <translation>Das Projekt wurde unter einem neuen Namen gespeichert: Sein ORCA-HUNTR-Arbeitsbereich ist jetzt {new}. Die Modelle von {old} bleiben dort.</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="169" />
            <source>{n} expired temporary snapshots were removed.</source>
            <translation>{n} abgelaufene temporäre Snapshots wurden entfernt.</translation>
        </message>
    </context>
    <context>
        <name>HuntrWorkspaceLookup</name>
        <message>
            <location filename="../adapters/workspace.py" line="81" />
            <source>Model “{model}” has no snapshot yet: train it first.</source>
            <translation>Modell „{model}“ hat noch keinen Snapshot: Trainieren Sie es zuerst.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="53" />
            <source>No model given: give a model id or name.</source>
            <translation>Kein Modell angegeben: Geben Sie eine Modell-ID oder einen Modellnamen an.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="66" />
            <source>No model “{name}” in this workspace. Models: {names}.</source>
            <translation>Kein Modell „{name}“ in diesem Arbeitsbereich. Modelle: {names}.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="61" />
            <source>Several models are called “{name}”; give the id instead. Models: {names}.</source>
            <translation>Mehrere Modelle heißen „{name}“; geben Sie stattdessen die ID an. Modelle: {names}.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="39" />
            <source>The current project has not been saved, so it has no workspace yet. Save the project first, or give a workspace folder.</source>
            <translation>Das aktuelle Projekt wurde noch nicht gespeichert und hat daher noch keinen Arbeitsbereich. Speichern Sie zuerst das Projekt oder geben Sie einen Arbeitsbereichsordner an.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="58" />
            <source>none</source>
            <translation>keine</translation>
        </message>
    </context>
    <context>
        <name>ImportSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/import_snapshot.py" line="22" />
            <source>Import snapshot package</source>
            <translation>Snapshot-Paket importieren</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="69" />
            <source>Imported as snapshot “{snapshot}”, the current state of model “{model}”.</source>
            <translation>Als Snapshot „{snapshot}“ importiert, dem aktuellen Stand des Modells „{model}“.</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="67" />
            <source>Imported as the new model “{model}”.</source>
            <translation>Als neues Modell „{model}“ importiert.</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="25" />
            <source>Imports a snapshot package (.huntrpkg) made by “Export snapshot package”.

With no model given it becomes a new model (named as given, else as in the package) whose current state is the package's snapshot, with the package's training data when it carries some. With a model given, that model must have the same classes, mode and bands: the package's weights become its new current state and its training data is kept.

The file is treated as untrusted: unexpected files, oversized or over-compressed files, changed checksums and anything but safetensors weights are refused, and nothing shows in the workspace until every check passed.</source>
            <translation>Importiert ein mit „Snapshot-Paket exportieren“ erstelltes Snapshot-Paket (.huntrpkg).

Ohne Modellangabe wird es ein neues Modell (mit dem angegebenen Namen, sonst dem des Pakets), dessen aktueller Stand der Snapshot des Pakets ist, mit den Trainingsdaten des Pakets, wenn es welche enthält. Mit Modellangabe muss dieses Modell dieselben Klassen, denselben Modus und dieselben Bänder haben: die Gewichte des Pakets werden sein neuer aktueller Stand, und seine Trainingsdaten bleiben erhalten.

Die Datei gilt als nicht vertrauenswürdig: unerwartete Dateien, zu große oder zu stark komprimierte Dateien, veränderte Prüfsummen und alles außer safetensors-Gewichten werden abgelehnt, und nichts erscheint im Arbeitsbereich, bevor alle Prüfungen bestanden sind.</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="41" />
            <source>Into model (id or name; empty: a new model)</source>
            <translation>In das Modell (ID oder Name; leer: ein neues Modell)</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="51" />
            <source>Model id</source>
            <translation>Modell-ID</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="52" />
            <source>Model name</source>
            <translation>Modellname</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="46" />
            <source>New model name (empty: the package's)</source>
            <translation>Name des neuen Modells (leer: der des Pakets)</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="38" />
            <source>Package file</source>
            <translation>Paketdatei</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="53" />
            <source>Snapshot id</source>
            <translation>Snapshot-ID</translation>
        </message>
    </context>
    <context>
        <name>ListSnapshotsAlgorithm</name>
        <message>
            <location filename="../processing/list_snapshots.py" line="51" />
            <source>List snapshots</source>
            <translation>Snapshots auflisten</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="64" />
            <source>Model (id or name; empty: every model)</source>
            <translation>Modell (ID oder Name; leer: alle Modelle)</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="70" />
            <source>Number of snapshots</source>
            <translation>Anzahl der Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="69" />
            <source>Snapshots</source>
            <translation>Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="54" />
            <source>Writes the Training Snapshots Timeline as a table: one row per snapshot, newest first, with its kind (current, temporary or saved), name, creation and expiry times, the training data it was trained on (training areas, labels per class, scenes), its training progress (epochs, steps, tiles seen) and its validation metrics.

Leave the model empty to list the snapshots of every model in the workspace.</source>
            <translation>Schreibt die Zeitleiste der Trainings-Snapshots als Tabelle: eine Zeile pro Snapshot, der neueste zuerst, mit seiner Art (aktuell, temporär oder gespeichert), seinem Namen, Erstellungs- und Ablaufzeit, den Trainingsdaten, mit denen er trainiert wurde (Trainingsgebiete, Labels pro Klasse, Szenen), seinem Trainingsfortschritt (Epochen, Schritte, gesehene Kacheln) und seinen Validierungskennzahlen.

Lassen Sie das Modell leer, um die Snapshots aller Modelle des Arbeitsbereichs aufzulisten.</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="93" />
            <source>{n} snapshots.</source>
            <translation>{n} Snapshots.</translation>
        </message>
    </context>
    <context>
        <name>ModelFromSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="41" />
            <source>Class names (comma-separated; empty: keep them)</source>
            <translation>Klassennamen (durch Kommas getrennt; leer: beibehalten)</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="24" />
            <source>Create model from snapshot</source>
            <translation>Modell aus Snapshot erstellen</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="60" />
            <source>Created model “{name}” ({id}) from snapshot “{snapshot}”.</source>
            <translation>Modell „{name}“ ({id}) aus Snapshot „{snapshot}“ erstellt.</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="27" />
            <source>Creates a new model that starts from the weights of a snapshot of another model, for example to adapt a good model to a new region without changing the original.

The new model has the same number of classes; you may rename them (names separated by commas, in the same order). With “Reuse the training data” the snapshot's training areas, labels and scenes are copied into the new model; otherwise it starts with empty training data.</source>
            <translation>Erstellt ein neues Modell, das von den Gewichten eines Snapshots eines anderen Modells ausgeht, etwa um ein gutes Modell an eine neue Region anzupassen, ohne das Original zu verändern.

Das neue Modell hat dieselbe Anzahl an Klassen; Sie können sie umbenennen (Namen durch Kommas getrennt, in derselben Reihenfolge). Mit „Trainingsdaten wiederverwenden“ werden die Trainingsgebiete, Labels und Szenen des Snapshots in das neue Modell kopiert; sonst beginnt es mit leeren Trainingsdaten.</translation>
        </message>
        <message>
            <source>Model “{model}” has {n} classes; give exactly {n} class names or none.</source>
            <translation type="obsolete">Modell „{model}“ hat {n} Klassen; geben Sie genau {n} Klassennamen an oder keinen.</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="49" />
            <source>New model id</source>
            <translation>ID des neuen Modells</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="50" />
            <source>New model name</source>
            <translation>Name des neuen Modells</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="46" />
            <source>Reuse the training data</source>
            <translation>Trainingsdaten wiederverwenden</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="38" />
            <source>Source model (id or name)</source>
            <translation>Quellmodell (ID oder Name)</translation>
        </message>
    </context>
    <context>
        <name>OrcaHuntrPlugin</name>
        <message>
            <location filename="../plugin.py" line="80" />
            <source>ORCA HUNTR</source>
            <translation>ORCA HUNTR</translation>
        </message>
        <message>
            <location filename="../plugin.py" line="84" />
            <source>Show or hide the ORCA HUNTR panel</source>
            <translation>Das ORCA-HUNTR-Bedienfeld ein- oder ausblenden</translation>
        </message>
    </context>
    <context>
        <name>PurgeExpiredAlgorithm</name>
        <message>
            <location filename="../processing/purge_expired.py" line="51" />
            <source>Bytes freed</source>
            <translation>Freigegebene Bytes</translation>
        </message>
        <message>
            <source>Deleted expired snapshot {id} of model {model}.</source>
            <translation type="obsolete">Abgelaufener Snapshot {id} des Modells {model} gelöscht.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="59" />
            <source>Deleted snapshot {id} of model {model}: {reason}.</source>
            <translation>Snapshot {id} des Modells {model} gelöscht: {reason}.</translation>
        </message>
        <message>
            <source>Deletes the temporary snapshots whose expiry time has passed, in every model of the workspace, and what reverts took back once it expired (it can no longer be undone). Saved snapshots and each model's current state are never deleted.

Outputs how many snapshots were deleted and their ids.</source>
            <translation type="obsolete">Löscht in jedem Modell des Arbeitsbereichs die temporären Snapshots, deren Ablaufzeit vorbei ist, sowie das, was ein Zurücksetzen zurückgenommen hat, sobald es abgelaufen ist (es lässt sich nicht mehr rückgängig machen). Gespeicherte Snapshots und der aktuelle Stand jedes Modells werden nie gelöscht.

Gibt die Anzahl der gelöschten Snapshots und ihre IDs aus.</translation>
        </message>
        <message>
            <source>Deletes the temporary snapshots whose expiry time has passed, in every model of the workspace. Saved snapshots and each model's current state are never deleted.

Outputs how many snapshots were deleted and their ids.</source>
            <translation type="obsolete">Löscht in allen Modellen des Arbeitsbereichs die temporären Snapshots, deren Ablaufzeit verstrichen ist. Gespeicherte Snapshots und der aktuelle Stand jedes Modells werden nie gelöscht.

Gibt aus, wie viele Snapshots gelöscht wurden, und ihre IDs.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="31" />
            <source>Deletes, in every model of the workspace, the temporary snapshots its retention policy gives up (past their expiry, beyond the last N, over the disk budget; the best by the policy's metric is kept) and what reverts took back once it expired (it can no longer be undone). Saved snapshots and each model's current state are never deleted.

With Dry run nothing is deleted: the log and the Plan output say what a purge would delete and why.

Outputs how many snapshots were (or would be) deleted, their ids, the bytes freed and the plan as JSON.</source>
            <translation>Löscht in jedem Modell des Arbeitsbereichs die temporären Snapshots, die seine Aufbewahrungsregel aufgibt (abgelaufen, jenseits der letzten N, über dem Speicherbudget; der beste nach der Metrik der Regel bleibt) sowie das, was Zurücksetzungen zurückgenommen haben, sobald es abgelaufen ist (es kann nicht mehr rückgängig gemacht werden). Gespeicherte Snapshots und der aktuelle Zustand jedes Modells werden nie gelöscht.

Mit Probelauf wird nichts gelöscht: Das Protokoll und die Ausgabe Plan sagen, was eine Bereinigung löschen würde und warum.

Gibt aus, wie viele Snapshots gelöscht wurden (oder würden), ihre IDs, die freigegebenen Bytes und den Plan als JSON.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="44" />
            <source>Dry run: only list what would be deleted</source>
            <translation>Probelauf: nur auflisten, was gelöscht würde</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="50" />
            <source>Ids of the deleted snapshots</source>
            <translation>IDs der gelöschten Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="52" />
            <source>Plan (JSON: what, and why)</source>
            <translation>Plan (JSON: was und warum)</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="28" />
            <source>Purge expired snapshots</source>
            <translation>Abgelaufene Snapshots bereinigen</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="68" />
            <source>Reverted set {id} of model {model}: {reason}.</source>
            <translation>Zurückgesetzte Gruppe {id} des Modells {model}: {reason}.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="74" />
            <source>Snapshot {id} of model {model}: {reason}.</source>
            <translation>Snapshot {id} des Modells {model}: {reason}.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="49" />
            <source>Snapshots deleted</source>
            <translation>Gelöschte Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="59" />
            <source>Would delete snapshot {id} of model {model}: {reason}.</source>
            <translation>Würde Snapshot {id} des Modells {model} löschen: {reason}.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="80" />
            <source>{n} expired snapshots deleted.</source>
            <translation>{n} abgelaufene Snapshots gelöscht.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="80" />
            <source>{n} snapshots would be deleted ({size}).</source>
            <translation>{n} Snapshots würden gelöscht ({size}).</translation>
        </message>
    </context>
    <context>
        <name>RenameSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/rename_snapshot.py" line="29" />
            <source>New name</source>
            <translation>Neuer Name</translation>
        </message>
        <message>
            <location filename="../processing/rename_snapshot.py" line="17" />
            <source>Rename snapshot</source>
            <translation>Snapshot umbenennen</translation>
        </message>
        <message>
            <location filename="../processing/rename_snapshot.py" line="36" />
            <source>Renamed snapshot {id}: “{old}” → “{new}”.</source>
            <translation>Snapshot {id} umbenannt: „{old}“ → „{new}“.</translation>
        </message>
        <message>
            <location filename="../processing/rename_snapshot.py" line="20" />
            <source>Renames a snapshot of the model's timeline. The snapshot is found by its id or its current name; the new name must not be empty.</source>
            <translation>Benennt einen Snapshot der Zeitleiste des Modells um. Der Snapshot wird über seine ID oder seinen jetzigen Namen gefunden; der neue Name darf nicht leer sein.</translation>
        </message>
        <message>
            <source>Snapshot id</source>
            <translation type="obsolete">Snapshot-ID</translation>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation type="obsolete">Snapshot-Name</translation>
        </message>
    </context>
    <context>
        <name>RevertToSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="48" />
            <source>Current snapshot id</source>
            <translation>ID des aktuellen Snapshots</translation>
        </message>
        <message>
            <source>I understand that later snapshots are discarded</source>
            <translation type="obsolete">Mir ist klar, dass spätere Snapshots verworfen werden</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="41" />
            <source>I understand that later snapshots leave the timeline</source>
            <translation>Mir ist klar, dass spätere Snapshots die Zeitleiste verlassen</translation>
        </message>
        <message>
            <source>Makes the chosen snapshot the model's current state: the next training session continues from it, and its training data replace the live training data. Snapshots made after it and training data edited since are discarded.

Because this cannot be undone, the algorithm only runs when “I understand that later snapshots are discarded” is checked (CONFIRM=true); otherwise it changes nothing and reports what the revert would discard.</source>
            <translation type="obsolete">Macht den gewählten Snapshot zum aktuellen Stand des Modells: Die nächste Trainingssitzung setzt bei ihm an, und seine Trainingsdaten ersetzen die aktuellen Trainingsdaten. Danach erstellte Snapshots und seitdem bearbeitete Trainingsdaten werden verworfen.

Da dies nicht rückgängig gemacht werden kann, läuft der Algorithmus nur, wenn „Mir ist klar, dass spätere Snapshots verworfen werden“ angehakt ist (CONFIRM=true); andernfalls ändert er nichts und meldet, was das Zurücksetzen verwerfen würde.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="26" />
            <source>Makes the chosen snapshot the model's current state: the next training session continues from it, and its training data replace the live training data. Snapshots made after it and training data edited since leave the timeline: they are kept as a reverted set that “Undo revert” restores until it expires (the temporary-snapshot expiry; never while it holds a saved snapshot).

The algorithm only runs when “I understand that later snapshots leave the timeline” is checked (CONFIRM=true); otherwise it changes nothing and reports what the revert would take back.</source>
            <translation>Macht den gewählten Snapshot zum aktuellen Stand des Modells: Die nächste Trainingssitzung setzt bei ihm fort, und seine Trainingsdaten ersetzen die aktuellen Trainingsdaten. Danach erstellte Snapshots und seitdem bearbeitete Trainingsdaten verlassen die Zeitleiste: Sie werden als zurückgenommene Menge aufbewahrt, die „Zurücksetzen rückgängig machen“ bis zu ihrem Ablauf wiederherstellt (der Ablauf temporärer Snapshots; nie, solange sie einen gespeicherten Snapshot enthält).

Der Algorithmus läuft nur, wenn „Mir ist klar, dass spätere Snapshots die Zeitleiste verlassen“ angekreuzt ist (CONFIRM=true); sonst ändert er nichts und meldet, was das Zurücksetzen zurücknehmen würde.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="58" />
            <source>Model “{model}” reverted to snapshot “{snapshot}”.</source>
            <translation>Modell „{model}“ auf Snapshot „{snapshot}“ zurückgesetzt.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="23" />
            <source>Revert to snapshot</source>
            <translation>Auf Snapshot zurücksetzen</translation>
        </message>
        <message>
            <source>Reverting model “{model}” to snapshot “{snapshot}” would discard {n} later snapshots ({saved} of them saved) and {data}. Nothing was changed: set the confirmation parameter (CONFIRM=true) to revert.</source>
            <translation type="obsolete">Das Zurücksetzen des Modells „{model}“ auf den Snapshot „{snapshot}“ würde {n} spätere Snapshots (davon {saved} gespeichert) und {data} verwerfen. Es wurde nichts geändert: Setzen Sie den Bestätigungsparameter (CONFIRM=true), um zurückzusetzen.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="76" />
            <source>Reverting model “{model}” to snapshot “{snapshot}” would take back {n} later snapshots ({saved} of them saved) and {data}, restorable with “Undo revert” {until}. Nothing was changed: set the confirmation parameter (CONFIRM=true) to revert.</source>
            <translation>Das Zurücksetzen des Modells „{model}“ auf den Snapshot „{snapshot}“ würde {n} spätere Snapshots (davon {saved} gespeichert) und {data} zurücknehmen, wiederherstellbar mit „Zurücksetzen rückgängig machen“ {until}. Es wurde nichts geändert: Setzen Sie den Bestätigungsparameter (CONFIRM=true), um zurückzusetzen.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="49" />
            <source>Snapshots discarded</source>
            <translation>Verworfene Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="50" />
            <source>What the revert discarded (JSON)</source>
            <translation>Was das Zurücksetzen verworfen hat (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="80" />
            <source>at any time</source>
            <translation>jederzeit</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="71" />
            <source>no training data (unchanged since then)</source>
            <translation>keine Trainingsdaten (seitdem unverändert)</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="71" />
            <source>the training data edited since then</source>
            <translation>die seitdem bearbeiteten Trainingsdaten</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="80" />
            <source>until {date}</source>
            <translation>bis {date}</translation>
        </message>
    </context>
    <context>
        <name>SaveSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/save_snapshot.py" line="30" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../processing/save_snapshot.py" line="17" />
            <source>Save snapshot</source>
            <translation>Snapshot speichern</translation>
        </message>
        <message>
            <location filename="../processing/save_snapshot.py" line="37" />
            <source>Saved snapshot “{name}” ({id}).</source>
            <translation>Snapshot „{name}“ ({id}) gespeichert.</translation>
        </message>
        <message>
            <location filename="../processing/save_snapshot.py" line="20" />
            <source>Saves a snapshot so that it never expires. Temporary snapshots are deleted after a while; saved ones stay until you delete them.

Leave the snapshot empty to save the current state. The name is optional.</source>
            <translation>Speichert einen Snapshot, sodass er nie abläuft. Temporäre Snapshots werden nach einer Weile gelöscht; gespeicherte bleiben, bis Sie sie löschen.

Lassen Sie den Snapshot leer, um den aktuellen Stand zu speichern. Der Name ist optional.</translation>
        </message>
        <message>
            <source>Snapshot id</source>
            <translation type="obsolete">Snapshot-ID</translation>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation type="obsolete">Snapshot-Name</translation>
        </message>
    </context>
    <context>
        <name>SetRetentionAlgorithm</name>
        <message>
            <location filename="../processing/set_retention.py" line="68" />
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="68" />
            <source>Always keep the best snapshot by</source>
            <translation>Immer den besten Snapshot behalten nach</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="106" />
            <source>Choose a model to make it follow the workspace's policy.</source>
            <translation>Wählen Sie ein Modell, damit es der Regel des Arbeitsbereichs folgt.</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="76" />
            <source>Disk budget of each model's snapshots (MB; 0: none)</source>
            <translation>Speicherbudget der Snapshots jedes Modells (MB; 0: keines)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="50" />
            <source>Expiry of temporary snapshots (days)</source>
            <translation>Ablauf temporärer Snapshots (Tage)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="59" />
            <source>Keep only the last N temporary snapshots (-1: no limit)</source>
            <translation>Nur die letzten N temporären Snapshots behalten (-1: keine Grenze)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="45" />
            <source>Model (id or name; empty: the workspace's policy)</source>
            <translation>Modell (ID oder Name; leer: die Regel des Arbeitsbereichs)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="92" />
            <source>Policy in force</source>
            <translation>Geltende Regel</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="118" />
            <source>Policy of model {model}: {policy}.</source>
            <translation>Regel des Modells {model}: {policy}.</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="28" />
            <source>Set retention policy</source>
            <translation>Aufbewahrungsregel festlegen</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="31" />
            <source>Sets what purges keep of the temporary snapshots: how many days they stay after they stopped being the current state, only the newest N of them, always the best one by a metric, and a disk budget (MB) for each model's snapshots (the oldest go first). Saved snapshots and the current state are never purged.

Leave the model empty to set the workspace's policy; with a model, it gets its own policy, or follows the workspace's again when that option is checked. Nothing is deleted here: run Purge expired snapshots (with Dry run to see what it would delete).</source>
            <translation>Legt fest, was Bereinigungen von den temporären Snapshots behalten: wie viele Tage sie bleiben, nachdem sie nicht mehr der aktuelle Zustand sind, nur die neuesten N, immer den besten nach einer Metrik, und ein Speicherbudget (MB) für die Snapshots jedes Modells (die ältesten zuerst). Gespeicherte Snapshots und der aktuelle Zustand werden nie bereinigt.

Lassen Sie das Modell leer, um die Regel des Arbeitsbereichs festzulegen; mit einem Modell erhält es eine eigene Regel oder folgt wieder der des Arbeitsbereichs, wenn diese Option angehakt ist. Hier wird nichts gelöscht: Führen Sie Abgelaufene Snapshots bereinigen aus (mit Probelauf, um zu sehen, was gelöscht würde).</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="85" />
            <source>The model follows the workspace's policy (drop its own)</source>
            <translation>Das Modell folgt der Regel des Arbeitsbereichs (eigene verwerfen)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="118" />
            <source>Workspace policy: {policy}.</source>
            <translation>Regel des Arbeitsbereichs: {policy}.</translation>
        </message>
    </context>
    <context>
        <name>TrainModelAlgorithm</name>
        <message>
            <location filename="../processing/train_model.py" line="75" />
            <source>Batch size</source>
            <translation>Batchgröße</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation type="obsolete">CPU</translation>
        </message>
        <message>
            <source>CPU threads (0: all cores but one)</source>
            <translation type="obsolete">CPU-Threads (0: alle Kerne außer einem)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="111" />
            <source>CPU threads (0: all cores)</source>
            <translation>CPU-Threads (0: alle Kerne)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>Count mode: what the boundary channel learns</source>
            <translation>Zählmodus: was der Grenzkanal lernt</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="114" />
            <source>Crash-safe checkpoint every so many minutes (0: none)</source>
            <translation>Absturzsicherer Checkpoint alle N Minuten (0: keiner)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="184" />
            <source>Detection settings calibrated for this snapshot: minimum score {score}, boundary threshold {boundary}, minimum size {pixels} px.</source>
            <translation>Für diesen Snapshot kalibrierte Erkennungseinstellungen: Mindestwert {score}, Grenzschwelle {boundary}, Mindestgröße {pixels} px.</translation>
        </message>
        <message>
            <source>Detection settings calibrated on the validation areas (JSON)</source>
            <translation type="obsolete">Auf den Validierungsgebieten kalibrierte Erkennungseinstellungen (JSON)</translation>
        </message>
        <message>
            <source>Detection settings calibrated on the validation areas: minimum score {score}, boundary threshold {boundary}, minimum size {pixels} px.</source>
            <translation type="obsolete">Auf den Validierungsgebieten kalibrierte Erkennungseinstellungen: Mindestwert {score}, Grenzschwelle {boundary}, Mindestgröße {pixels} px.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="130" />
            <source>Detection settings the snapshot calibrated (JSON)</source>
            <translation>Kalibrierte Erkennungseinstellungen des Snapshots (JSON)</translation>
        </message>
        <message>
            <source>Device</source>
            <translation type="obsolete">Rechengerät</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="103" />
            <source>Early stopping patience in validations (0: off)</source>
            <translation>Geduld des vorzeitigen Abbruchs in Validierungen (0: aus)</translation>
        </message>
        <message>
            <source>GPU (CUDA)</source>
            <translation type="obsolete">GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="76" />
            <source>Learning rate</source>
            <translation>Lernrate</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="68" />
            <source>Maximum epochs (0: no limit)</source>
            <translation>Maximale Epochen (0: unbegrenzt)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="58" />
            <source>Maximum steps (0: no limit)</source>
            <translation>Maximale Schritte (0: unbegrenzt)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="63" />
            <source>Maximum time in seconds (0: no limit)</source>
            <translation>Maximale Zeit in Sekunden (0: unbegrenzt)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="98" />
            <source>Photometric augmentation (brightness, contrast, gamma, colour cast, blur)</source>
            <translation>Photometrische Augmentierung (Helligkeit, Kontrast, Gamma, Farbstich, Unschärfe)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="77" />
            <source>Random seed</source>
            <translation>Zufallsstartwert</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="78" />
            <source>Share of the training areas held out for validation (when none is marked)</source>
            <translation>Anteil der Trainingsgebiete, der für die Validierung zurückgehalten wird (wenn keines markiert ist)</translation>
        </message>
        <message>
            <source>Snapshot id</source>
            <translation type="obsolete">Snapshot-ID</translation>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation type="obsolete">Snapshot-Name</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="170" />
            <source>Step {step}: validation {metrics}</source>
            <translation>Schritt {step}: Validierung {metrics}</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="194" />
            <source>Stopped after {steps} steps ({reason}); snapshot “{name}” ({id}) is the current state.</source>
            <translation>Nach {steps} Schritten angehalten ({reason}); Snapshot „{name}“ ({id}) ist der aktuelle Stand.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="128" />
            <source>Total steps of the model</source>
            <translation>Gesamtzahl der Schritte des Modells</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="39" />
            <source>Train model</source>
            <translation>Modell trainieren</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="176" />
            <source>Training model “{name}” ({id}).</source>
            <translation>Training des Modells „{name}“ ({id}).</translation>
        </message>
        <message>
            <source>Trains the model on the training areas and labels of its training GeoPackage. Training continues from the model's current state, so running it again adds to the earlier sessions.

Training stops at the first budget reached (steps, epochs or seconds; 0 means no limit, and with no limit at all it stops after 500 steps), when the validation loss stops improving (early stopping), or when you cancel. Every stop creates a snapshot on the Training Snapshots Timeline, which becomes the current state.

Outputs the new snapshot's id and name, the number of steps and the validation metrics.</source>
            <translation type="obsolete">Trainiert das Modell mit den Trainingsgebieten und Labels seines Trainings-GeoPackages. Das Training setzt beim aktuellen Stand des Modells an; ein erneuter Lauf ergänzt also die früheren Sitzungen.

Das Training endet beim ersten erreichten Budget (Schritte, Epochen oder Sekunden; 0 bedeutet unbegrenzt, und ganz ohne Begrenzung endet es nach 500 Schritten), wenn sich der Validierungsverlust nicht mehr verbessert (vorzeitiger Abbruch) oder wenn Sie abbrechen. Jeder Halt erzeugt einen Snapshot in der Zeitleiste der Trainings-Snapshots, der zum aktuellen Stand wird.

Gibt ID und Namen des neuen Snapshots, die Anzahl der Schritte und die Validierungskennzahlen aus.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="42" />
            <source>Trains the model on the training areas and labels of its training GeoPackage. Training continues from the model's current state, so running it again adds to the earlier sessions.

Training stops at the first budget reached (steps, epochs or seconds; 0 means no limit: a time budget alone trains for that long, and with no limit at all it stops after 500 steps), when the validation loss stops improving (early stopping), or when you cancel. Every stop creates a snapshot on the Training Snapshots Timeline, which becomes the current state.

Outputs the new snapshot's id and name, the number of steps and the validation metrics.</source>
            <translation>Trainiert das Modell mit den Trainingsgebieten und Labels seines Trainings-GeoPackages. Das Training setzt beim aktuellen Stand des Modells an; ein erneuter Lauf ergänzt also die früheren Sitzungen.

Das Training endet beim ersten erreichten Budget (Schritte, Epochen oder Sekunden; 0 bedeutet unbegrenzt: ein Zeitbudget allein trainiert so lange, und ganz ohne Begrenzung endet es nach 500 Schritten), wenn sich der Validierungsverlust nicht mehr verbessert (vorzeitiger Abbruch) oder wenn Sie abbrechen. Jeder Halt erzeugt einen Snapshot in der Zeitleiste der Trainings-Snapshots, der zum aktuellen Stand wird.

Gibt ID und Namen des neuen Snapshots, die Anzahl der Schritte und die Validierungskennzahlen aus.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="129" />
            <source>Validation metrics (JSON)</source>
            <translation>Validierungskennzahlen (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="127" />
            <source>Why training stopped</source>
            <translation>Warum das Training endete</translation>
        </message>
        <message>
            <source>automatic (GPU when available)</source>
            <translation type="obsolete">automatisch (GPU, falls verfügbar)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>distance to the object's edge (the earlier default)</source>
            <translation>Abstand zum Objektrand (die frühere Voreinstellung)</translation>
        </message>
        <message>
            <source>distance to the object's edge (touching and overlapping objects)</source>
            <translation type="obsolete">Abstand zum Objektrand (sich berührende und überlappende Objekte)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>object centres (touching and overlapping objects)</source>
            <translation>Objektmitten (sich berührende und überlappende Objekte)</translation>
        </message>
        <message>
            <source>the model's own (distance for a new model)</source>
            <translation type="obsolete">die des Modells (Abstand bei einem neuen Modell)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>the model's own (object centres for a new model)</source>
            <translation>die des Modells (Objektmitten für ein neues Modell)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>thin rims (the older target)</source>
            <translation>dünne Ränder (das ältere Ziel)</translation>
        </message>
    </context>
    <context>
        <name>TrainingImport</name>
        <message>
            <location filename="../adapters/training_import.py" line="168" />
            <source>Could not write to layer “{name}” of the training GeoPackage: {error}</source>
            <translation>In den Layer „{name}“ des Trainings-GeoPackages konnte nicht geschrieben werden: {error}</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="321" />
            <source>Label</source>
            <translation>Label</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="313" />
            <source>Label {fid} has class “{value}”, which is not one of the model's classes ({names}).</source>
            <translation>Label {fid} hat die Klasse „{value}“, die nicht zu den Klassen des Modells gehört ({names}).</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="291" />
            <source>The labels have no field “{field}”.</source>
            <translation>Die Labels haben kein Feld „{field}“.</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="294" />
            <source>The model has {n} classes: choose the labels' field that holds the class id or name.</source>
            <translation>Das Modell hat {n} Klassen: Wählen Sie das Feld der Labels, das die Klassen-ID oder den Klassennamen enthält.</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="51" />
            <source>The training GeoPackage {path} has no valid layer “{name}”.</source>
            <translation>Das Trainings-GeoPackage {path} hat keinen gültigen Layer „{name}“.</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="257" />
            <source>Training area</source>
            <translation>Trainingsgebiet</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="109" />
            <source>{what} {fid} has no area (empty or degenerate polygon); it was left out.</source>
            <translation>{what} {fid} hat keine Fläche (leeres oder entartetes Polygon); es wurde ausgelassen.</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="101" />
            <source>{what} {fid} was an invalid polygon (self-intersecting?); it was repaired.</source>
            <translation>{what} {fid} war ein ungültiges Polygon (selbstüberschneidend?); es wurde repariert.</translation>
        </message>
    </context>
    <context>
        <name>UndoRevertAlgorithm</name>
        <message>
            <location filename="../processing/undo_revert.py" line="37" />
            <source>Current snapshot id</source>
            <translation>ID des aktuellen Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="20" />
            <source>Restores what a revert took back: the snapshots it removed from the timeline and the training data as they were before it. Snapshots trained since the revert and training data edited since are kept as a reverted set in turn, so the undo can be undone too.

A revert can be undone until it expires (the temporary-snapshot expiry of the workspace; never when it took back a saved snapshot). Leave the reverted set empty to undo the newest revert of the model.</source>
            <translation>Stellt wieder her, was ein Zurücksetzen zurückgenommen hat: die Snapshots, die es aus der Zeitleiste entfernt hat, und die Trainingsdaten, wie sie davor waren. Seit dem Zurücksetzen trainierte Snapshots und seitdem bearbeitete Trainingsdaten werden ihrerseits als zurückgenommene Menge aufbewahrt, sodass auch das Rückgängigmachen rückgängig gemacht werden kann.

Ein Zurücksetzen kann bis zu seinem Ablauf rückgängig gemacht werden (der Ablauf temporärer Snapshots des Arbeitsbereichs; nie, wenn es einen gespeicherten Snapshot zurückgenommen hat). Lassen Sie die Menge leer, um das jüngste Zurücksetzen des Modells rückgängig zu machen.</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="32" />
            <source>Reverted set id (empty: the newest revert)</source>
            <translation>ID der zurückgenommenen Menge (leer: das jüngste Zurücksetzen)</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="38" />
            <source>Snapshots restored</source>
            <translation>Wiederhergestellte Snapshots</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="46" />
            <source>Undid the revert of model “{model}”: {n} snapshots restored.</source>
            <translation>Zurücksetzen des Modells „{model}“ rückgängig gemacht: {n} Snapshots wiederhergestellt.</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="17" />
            <source>Undo revert</source>
            <translation>Zurücksetzen rückgängig machen</translation>
        </message>
    </context>
</TS>
