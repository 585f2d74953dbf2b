<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
    <context>
        <name>@default</name>
        <message>
            <location filename="../processing/detect.py" line="120" />
            <source>Boundary threshold for splitting touching objects (0: the snapshot's calibrated value)</source>
            <translation>Seuil de bordure pour séparer les objets qui se touchent (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="146" />
            <source>Boxes (rectangles)</source>
            <translation>Boîtes (rectangles)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="150" />
            <source>Count mode, boxes from the box head: the largest IoU two boxes may share, the lower-scored box of a pair overlapping more is dropped (0: the snapshot's value)</source>
            <translation>Mode comptage, boîtes de la tête de boîtes : la plus grande IoU que deux boîtes peuvent partager ; de deux boîtes qui se chevauchent davantage, la moins bien notée est retirée (0 : la valeur de l'instantané)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="147" />
            <source>Count mode: objects as</source>
            <translation>Mode comptage : objets en tant que</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="138" />
            <source>Flip test-time augmentation (4× the network's work)</source>
            <translation>Augmentation par symétries au moment de la détection (4× le travail du réseau)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="167" />
            <source>Minimum area of a detection (square map units)</source>
            <translation>Surface minimale d'une détection (unités de carte au carré)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="111" />
            <source>Minimum score (0: the snapshot's calibrated value)</source>
            <translation>Score minimal (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="129" />
            <source>Minimum size of a detection in pixels (0: the snapshot's calibrated value)</source>
            <translation>Taille minimale d'une détection en pixels (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="145" />
            <source>Outlines (the objects' pixels)</source>
            <translation>Contours (les pixels des objets)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="162" />
            <source>Segmentation mode: one feature per connected area (else one per class)</source>
            <translation>Mode segmentation : une entité par zone connexe (sinon une par classe)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="144" />
            <source>The snapshot's choice (boxes where its labels were boxes)</source>
            <translation>Le choix de l'instantané (des boîtes si ses étiquettes étaient des boîtes)</translation>
        </message>
    </context>
    <context>
        <name>CompareSnapshotsAlgorithm</name>
        <message>
            <location filename="../processing/compare_snapshots.py" line="85" />
            <source>Area of interest (optional)</source>
            <translation>Zone d'intérêt (facultatif)</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="55" />
            <source>Compare snapshots</source>
            <translation>Comparer des instantanés</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="58" />
            <source>Compares two snapshots of a model.

Metrics: every metric of either snapshot, overall and per class, side by side with the difference (second minus first).

Training data changes: the training areas and labels in one snapshot and not in the other, with a “change” field: “added” (only in the second) or “removed” (only in the first). An edited feature shows as one removed and one added.

With a raster, both snapshots' detections on it are added as two layers in one group, outlined in orange (first) and dashed blue (second). A detection already made from a snapshot on that raster with the snapshot's own settings, over the whole raster or the same area, is reused instead of run again.</source>
            <translation>Compare deux instantanés d'un modèle.

Métriques : chaque métrique de l'un ou l'autre instantané, globale et par classe, côte à côte avec la différence (second moins premier).

Modifications des données d'entraînement : les zones d'entraînement et étiquettes présentes dans un instantané et pas dans l'autre, avec un champ « change » : « added » (seulement dans le second) ou « removed » (seulement dans le premier). Une entité modifiée apparaît comme une supprimée et une ajoutée.

Avec un raster, les détections des deux instantanés sur celui-ci sont ajoutées comme deux couches dans un groupe, contour orange (premier) et bleu tireté (second). Une détection déjà faite par un instantané sur ce raster avec ses propres réglages, sur tout le raster ou la même zone, est réutilisée au lieu d'être relancée.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="179" />
            <source>Detected: {path}.</source>
            <translation>Détecté : {path}.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="97" />
            <source>Detections of the first snapshot</source>
            <translation>Détections du premier instantané</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="100" />
            <source>Detections of the second snapshot</source>
            <translation>Détections du second instantané</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="103" />
            <source>Detections reused</source>
            <translation>Détections réutilisées</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="104" />
            <source>Features added</source>
            <translation>Entités ajoutées</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="105" />
            <source>Features removed</source>
            <translation>Entités supprimées</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="74" />
            <source>First snapshot (id or name)</source>
            <translation>Premier instantané (identifiant ou nom)</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="95" />
            <source>Metrics</source>
            <translation>Métriques</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="80" />
            <source>Raster to detect on (optional)</source>
            <translation>Raster sur lequel détecter (facultatif)</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="90" />
            <source>Reuse detections already made</source>
            <translation>Réutiliser les détections déjà faites</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="179" />
            <source>Reused {path}.</source>
            <translation>Réutilisé : {path}.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="75" />
            <source>Second snapshot (id or name; empty: the current state)</source>
            <translation>Second instantané (identifiant ou nom ; vide : l'état actuel)</translation>
        </message>
        <message>
            <source>The area of interest has no polygon.</source>
            <translation type="obsolete">La zone d'intérêt ne contient aucun polygone.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="166" />
            <source>The raster scene cannot be opened.</source>
            <translation>Impossible d'ouvrir la scène raster.</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="96" />
            <source>Training data changes</source>
            <translation>Modifications des données d'entraînement</translation>
        </message>
        <message>
            <location filename="../processing/compare_snapshots.py" line="148" />
            <source>Training data: {added} feature(s) added, {removed} removed.</source>
            <translation>Données d'entraînement : {added} entité(s) ajoutée(s), {removed} supprimée(s).</translation>
        </message>
    </context>
    <context>
        <name>CreateModelAlgorithm</name>
        <message>
            <location filename="../processing/create_model.py" line="84" />
            <source>Bands (comma-separated; empty: every band but alpha)</source>
            <translation>Bandes (séparées par des virgules ; vide : toutes sauf alpha)</translation>
        </message>
        <message>
            <source>Bands (comma-separated; empty: the first three)</source>
            <translation type="obsolete">Bandes (séparées par des virgules ; vide : les trois premières)</translation>
        </message>
        <message>
            <source>Bands must be numbers separated by commas, not “{text}”.</source>
            <translation type="obsolete">Les bandes doivent être des nombres séparés par des virgules, et non « {text} ».</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="110" />
            <source>Class field of the labels (class number or name)</source>
            <translation>Champ de classe des étiquettes (numéro ou nom de classe)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="74" />
            <source>Classes (comma-separated)</source>
            <translation>Classes (séparées par des virgules)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="207" />
            <source>Copied {n} labels.</source>
            <translation>{n} étiquettes copiées.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="207" />
            <source>Copied {n} training areas.</source>
            <translation>{n} zones d'entraînement copiées.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="147" />
            <source>Count mode with object centres: learn each object's box (box head)</source>
            <translation>Mode comptage avec centres d'objets : apprendre la boîte de chaque objet (tête de boîtes)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>Count mode: how touching objects are told apart</source>
            <translation>Mode comptage : comment distinguer les objets qui se touchent</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="54" />
            <source>Create model</source>
            <translation>Créer un modèle</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="214" />
            <source>Created model “{name}” ({id}).</source>
            <translation>Modèle « {name} » créé ({id}).</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="57" />
            <source>Creates a new AI model in the workspace beside the project. The model takes its input (coordinate reference system, pixel size, bands and data type) from the raster scene, which is recorded as the model's first scene.

Classes: names separated by commas, each optionally followed by a colour, e.g. “Tree” or “Tree:#2ca02c, Shrub:#ff7f0e”.
Mode: “count” finds individual objects (trees, cars) and separates touching ones; “segmentation” maps areas.
Training areas and labels (optional) are polygon layers copied into the model's training GeoPackage; the labels' class field holds a class number (1, 2, …) or a class name.

Outputs the new model's id.</source>
            <translation>Crée un nouveau modèle d'IA dans l'espace de travail situé à côté du projet. Le modèle reprend les caractéristiques de la scène raster (système de coordonnées de référence, taille de pixel, bandes et type de données), qui est enregistrée comme première scène du modèle.

Classes : noms séparés par des virgules, chacun éventuellement suivi d'une couleur, p. ex. « Arbre » ou « Arbre:#2ca02c, Arbuste:#ff7f0e ».
Mode : « comptage » trouve les objets individuels (arbres, voitures) et sépare ceux qui se touchent ; « segmentation » cartographie des surfaces.
Les zones d'entraînement et les étiquettes (facultatives) sont des couches de polygones copiées dans le GeoPackage d'entraînement du modèle ; le champ de classe des étiquettes contient un numéro de classe (1, 2, …) ou un nom de classe.

Renvoie l'identifiant du nouveau modèle.</translation>
        </message>
        <message>
            <source>Give at least one class name.</source>
            <translation type="obsolete">Indiquez au moins un nom de classe.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="105" />
            <source>Labels</source>
            <translation>Étiquettes</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="75" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="154" />
            <source>Model id</source>
            <translation>Identifiant du modèle</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="155" />
            <source>Model name</source>
            <translation>Nom du modèle</translation>
        </message>
        <message>
            <source>Network depth</source>
            <translation type="obsolete">Profondeur du réseau</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Network depth (0: from the labels)</source>
            <translation>Profondeur du réseau (0 : d'après les étiquettes)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Network width</source>
            <translation>Largeur du réseau</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Network working scale: 1 full resolution, 2 half, 4 quarter (0: from the labels)</source>
            <translation>Échelle de travail du réseau : 1 pleine résolution, 2 moitié, 4 quart (0 : d'après les étiquettes)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="97" />
            <source>Purpose field of the training areas (train / validation)</source>
            <translation>Champ d'usage des zones d'entraînement (train / validation)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="83" />
            <source>Raster scene</source>
            <translation>Scène raster</translation>
        </message>
        <message>
            <source>The raster has bands 1…{n}; “{text}” is not a valid choice.</source>
            <translation type="obsolete">Le raster a les bandes 1…{n} ; « {text} » n'est pas un choix valide.</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="164" />
            <source>The raster scene cannot be opened.</source>
            <translation>Impossible d'ouvrir la scène raster.</translation>
        </message>
        <message>
            <source>Tile size (pixels)</source>
            <translation type="obsolete">Taille des tuiles (pixels)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="118" />
            <source>Tile size in pixels (0: from the labels)</source>
            <translation>Taille des tuiles en pixels (0 : d'après les étiquettes)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="156" />
            <source>Training GeoPackage</source>
            <translation>GeoPackage d'entraînement</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="89" />
            <source>Training areas</source>
            <translation>Zones d'entraînement</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="75" />
            <source>count</source>
            <translation>comptage</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>distance to the object's edge (the earlier default)</source>
            <translation>distance au bord de l'objet (l'ancien réglage par défaut)</translation>
        </message>
        <message>
            <source>distance to the object's edge (touching and overlapping objects)</source>
            <translation type="obsolete">distance au bord de l'objet (objets qui se touchent ou se chevauchent)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>object centres (touching and overlapping objects)</source>
            <translation>centres des objets (objets qui se touchent ou se chevauchent)</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="75" />
            <source>segmentation</source>
            <translation>segmentation</translation>
        </message>
        <message>
            <location filename="../processing/create_model.py" line="135" />
            <source>thin rims (objects that barely touch)</source>
            <translation>bordures fines (objets qui se touchent à peine)</translation>
        </message>
        <message>
            <source>“{colour}” is not a #rrggbb colour (class “{name}”).</source>
            <translation type="obsolete">« {colour} » n'est pas une couleur #rrggbb (classe « {name} »).</translation>
        </message>
    </context>
    <context>
        <name>DetectAlgorithm</name>
        <message>
            <location filename="../processing/detect.py" line="83" />
            <source>Area of interest</source>
            <translation>Zone d'intérêt</translation>
        </message>
        <message>
            <source>Boundary threshold for splitting touching objects (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Seuil de bordure pour séparer les objets qui se touchent (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="232" />
            <source>Boxes dropped as the same object found twice (IoU above {iou}, {source}): {n}.</source>
            <translation>Boîtes retirées car le même objet était trouvé deux fois (IoU au-dessus de {iou}, {source}) : {n}.</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation type="obsolete">CPU</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="206" />
            <source>Detecting with model “{model}”, snapshot “{snapshot}” ({kind}).</source>
            <translation>Détection avec le modèle « {model} », instantané « {snapshot} » ({kind}).</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="92" />
            <source>Detections</source>
            <translation>Détections</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="93" />
            <source>Detections GeoPackage</source>
            <translation>GeoPackage des détections</translation>
        </message>
        <message>
            <source>Device</source>
            <translation type="obsolete">Matériel de calcul</translation>
        </message>
        <message>
            <source>Flip test-time augmentation (4× slower)</source>
            <translation type="obsolete">Augmentation par retournement au moment du test (4× plus lent)</translation>
        </message>
        <message>
            <source>GPU (CUDA)</source>
            <translation type="obsolete">GPU (CUDA)</translation>
        </message>
        <message>
            <source>Layer name</source>
            <translation type="obsolete">Nom de la couche</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="96" />
            <source>Layer name inside the GeoPackage</source>
            <translation>Nom de la couche dans le GeoPackage</translation>
        </message>
        <message>
            <source>Minimum area of a detection (square map units)</source>
            <translation type="obsolete">Surface minimale d'une détection (unités de carte au carré)</translation>
        </message>
        <message>
            <source>Minimum score</source>
            <translation type="obsolete">Score minimal</translation>
        </message>
        <message>
            <source>Minimum score (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Score minimal (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <source>Minimum size of a detection in pixels (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Taille minimale d'une détection en pixels (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="97" />
            <source>Name of the layer in the project</source>
            <translation>Nom de la couche dans le projet</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="94" />
            <source>Number of detections</source>
            <translation>Nombre de détections</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="82" />
            <source>Raster scene</source>
            <translation>Scène raster</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="49" />
            <source>Run detection</source>
            <translation>Lancer la détection</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated on the validation areas when the snapshot is made; leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Applique un modèle à une scène raster et écrit les détections dans une couche de polygones avec les champs class_name, class_id, score, area et snapshot_id. La couche est enregistrée dans le dossier des détections de l'espace de travail et ajoutée au projet dans les couleurs des classes du modèle.

Choisissez l'instantané par son identifiant ou son nom ; laissez vide pour utiliser l'état actuel du modèle. Tout instantané de la chronologie peut servir, y compris les temporaires.
La zone d'intérêt (facultative) limite la détection à ses polygones. Les détections plus petites que la surface minimale (en unités carrées du SCR du raster) sont écartées.
Le score minimal, le seuil de bordure (la facilité avec laquelle des objets qui se touchent sont séparés) et la taille minimale en pixels sont calibrés sur les zones de validation lors de la création de l'instantané ; laissez-les à 0 pour utiliser les valeurs de l'instantané (la sortie SETTINGS indique celles utilisées). L'augmentation par retournement au moment du test fait la moyenne du réseau sur des tuiles en miroir : 4× le temps, des contours en général un peu plus nets. En mode segmentation, chaque zone connexe est une entité, sauf si vous les fusionnez en une entité par classe.
Le raster doit avoir les bandes et le type de données sur lesquels le modèle a été entraîné et une résolution au sol proche de celle de l'entraînement ; il est lu tel quel (sans reprojection ni rééchantillonnage) et les détections sont dans son système de coordonnées de référence.</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated when the snapshot is made (on the validation areas, and for count models part of the training areas too); leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. A count model writes each object as its outline or as a box: by default boxes where the snapshot's labels were boxes (the box its box head predicts, else the outline's bounding box), outlines otherwise. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Applique un modèle à une scène raster et écrit les détections dans une couche de polygones avec les champs class_name, class_id, score, area et snapshot_id. La couche est enregistrée dans le dossier des détections de l'espace de travail et ajoutée au projet dans les couleurs des classes du modèle.

Choisissez l'instantané par son identifiant ou son nom ; laissez vide pour utiliser l'état actuel du modèle. Tout instantané de la chronologie peut servir, y compris les temporaires.
La zone d'intérêt (facultative) limite la détection à ses polygones. Les détections plus petites que la surface minimale (en unités carrées du SCR du raster) sont écartées.
Le score minimal, le seuil de bordure (la facilité avec laquelle des objets qui se touchent sont séparés) et la taille minimale en pixels sont calibrés lors de la création de l'instantané (sur les zones de validation et, pour les modèles de comptage, aussi sur une partie des zones d'entraînement) ; laissez-les à 0 pour utiliser les valeurs de l'instantané (la sortie SETTINGS indique celles utilisées). L'augmentation par retournement au moment du test fait la moyenne du réseau sur des tuiles en miroir : 4× le temps, des contours en général un peu plus nets. Un modèle de comptage écrit chaque objet en tant que contour ou en tant que boîte : par défaut des boîtes si les étiquettes de l'instantané étaient des boîtes (la boîte que prédit sa tête de boîtes, sinon l'emprise du contour), des contours sinon. En mode segmentation, chaque zone connexe est une entité, sauf si vous les fusionnez en une entité par classe.
Le raster doit avoir les bandes et le type de données sur lesquels le modèle a été entraîné et une résolution au sol proche de celle de l'entraînement ; il est lu tel quel (sans reprojection ni rééchantillonnage) et les détections sont dans son système de coordonnées de référence.</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="52" />
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated when the snapshot is made (on the validation areas, and for count models part of the training areas too); leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. A count model writes each object as its outline or as a box: by default boxes where the snapshot's labels were boxes (the box its box head predicts, else the outline's bounding box), outlines otherwise. Of two boxes from a box head that overlap more than the snapshot's limit (the most two of its labels overlap, at least IoU 0.4), the lower-scored is dropped as the same object found twice; give another limit, or 1 to keep every box. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation>Applique un modèle à une scène raster et écrit les détections dans une couche de polygones avec les champs class_name, class_id, score, area et snapshot_id. La couche est enregistrée dans le dossier des détections de l'espace de travail et ajoutée au projet dans les couleurs des classes du modèle.

Choisissez l'instantané par son identifiant ou son nom ; laissez vide pour utiliser l'état actuel du modèle. Tout instantané de la chronologie peut servir, y compris les temporaires.
La zone d'intérêt (facultative) limite la détection à ses polygones. Les détections plus petites que la surface minimale (en unités carrées du SCR du raster) sont écartées.
Le score minimal, le seuil de bordure (la facilité avec laquelle des objets qui se touchent sont séparés) et la taille minimale en pixels sont calibrés lors de la création de l'instantané (sur les zones de validation et, pour les modèles de comptage, aussi sur une partie des zones d'entraînement) ; laissez-les à 0 pour utiliser les valeurs de l'instantané (la sortie SETTINGS indique celles utilisées). L'augmentation par retournement au moment du test fait la moyenne du réseau sur des tuiles en miroir : 4× le temps, des contours en général un peu plus nets. Un modèle de comptage écrit chaque objet en tant que contour ou en tant que boîte : par défaut des boîtes si les étiquettes de l'instantané étaient des boîtes (la boîte que prédit sa tête de boîtes, sinon l'emprise du contour), des contours sinon. De deux boîtes d'une tête de boîtes qui se chevauchent plus que la limite de l'instantané (le plus grand chevauchement de deux de ses étiquettes, au moins IoU 0,4), la moins bien notée est retirée, car c'est le même objet trouvé deux fois ; donnez une autre limite, ou 1 pour garder toutes les boîtes. En mode segmentation, chaque zone connexe est une entité, sauf si vous les fusionnez en une entité par classe.
Le raster doit avoir les bandes et le type de données sur lesquels le modèle a été entraîné et une résolution au sol proche de celle de l'entraînement ; il est lu tel quel (sans reprojection ni rééchantillonnage) et les détections sont dans son système de coordonnées de référence.</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The minimum score, the boundary threshold (how readily touching objects are split) and the minimum size in pixels are calibrated when the snapshot is made (on the validation areas, and for count models part of the training areas too); leave them at 0 to use the snapshot's values (the SETTINGS output says which were used). Flip test-time augmentation averages the network over mirrored tiles: 4× the time, usually slightly cleaner outlines. In segmentation mode each connected area is one feature unless you merge them into one feature per class.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Applique un modèle à une scène raster et écrit les détections dans une couche de polygones avec les champs class_name, class_id, score, area et snapshot_id. La couche est enregistrée dans le dossier des détections de l'espace de travail et ajoutée au projet dans les couleurs des classes du modèle.

Choisissez l'instantané par son identifiant ou son nom ; laissez vide pour utiliser l'état actuel du modèle. Tout instantané de la chronologie peut servir, y compris les temporaires.
La zone d'intérêt (facultative) limite la détection à ses polygones. Les détections plus petites que la surface minimale (en unités carrées du SCR du raster) sont écartées.
Le score minimal, le seuil de bordure (la facilité avec laquelle des objets qui se touchent sont séparés) et la taille minimale en pixels sont calibrés lors de la création de l'instantané (sur les zones de validation et, pour les modèles de comptage, aussi sur une partie des zones d'entraînement) ; laissez-les à 0 pour utiliser les valeurs de l'instantané (la sortie SETTINGS indique celles utilisées). L'augmentation par retournement au moment du test fait la moyenne du réseau sur des tuiles en miroir : 4× le temps, des contours en général un peu plus nets. En mode segmentation, chaque zone connexe est une entité, sauf si vous les fusionnez en une entité par classe.
Le raster doit avoir les bandes et le type de données sur lesquels le modèle a été entraîné et une résolution au sol proche de celle de l'entraînement ; il est lu tel quel (sans reprojection ni rééchantillonnage) et les détections sont dans son système de coordonnées de référence.</translation>
        </message>
        <message>
            <source>Runs a model over a raster scene and writes the detections as a polygon layer with the fields class_name, class_id, score, area and snapshot_id. The layer is saved in the workspace's detections folder and added to the project in the model's class colours.

Choose the snapshot by its id or name; leave it empty to use the model's current state. Any snapshot of the timeline can be used, temporary ones included.
The area of interest (optional) limits detection to its polygons. Detections smaller than the minimum area (in square units of the raster's CRS) are left out.
The raster must have the bands and data type the model was trained on and a ground resolution close to the training one; it is read as it is (no reprojection or resampling) and the detections are in its coordinate reference system.</source>
            <translation type="obsolete">Applique un modèle à une scène raster et écrit les détections dans une couche de polygones avec les champs class_name, class_id, score, area et snapshot_id. La couche est enregistrée dans le dossier des détections de l'espace de travail et ajoutée au projet dans les couleurs des classes du modèle.

Choisissez l'instantané par son identifiant ou son nom ; laissez vide pour utiliser l'état actuel du modèle. Tout instantané de la chronologie peut servir, y compris les temporaires.
La zone d'intérêt (facultative) limite la détection à ses polygones. Les détections plus petites que la surface minimale (en unités carrées du SCR du raster) sont écartées.
Le raster doit avoir les bandes et le type de données sur lesquels le modèle a été entraîné et une résolution au sol proche de celle de l'entraînement ; il est lu tel quel (sans reprojection ni rééchantillonnage) et les détections sont dans son système de coordonnées de référence.</translation>
        </message>
        <message>
            <source>Segmentation mode: one feature per connected area (else one per class)</source>
            <translation type="obsolete">Mode segmentation : une entité par zone connexe (sinon une par classe)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="241" />
            <source>Settings: minimum score {score} ({score_from}), boundary threshold {boundary} ({boundary_from}), minimum size {pixels} px ({pixels_from}).</source>
            <translation>Réglages : score minimal {score} ({score_from}), seuil de bordure {boundary} ({boundary_from}), taille minimale {pixels} px ({pixels_from}).</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="95" />
            <source>Snapshot id</source>
            <translation>Identifiant de l'instantané</translation>
        </message>
        <message>
            <source>The area of interest has no polygon.</source>
            <translation type="obsolete">La zone d'intérêt ne contient aucun polygone.</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="204" />
            <source>The raster scene cannot be opened.</source>
            <translation>Impossible d'ouvrir la scène raster.</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="98" />
            <source>Thresholds and minimum size used, and their source (JSON)</source>
            <translation>Seuils et taille minimale utilisés, et leur origine (JSON)</translation>
        </message>
        <message>
            <source>automatic (GPU when available)</source>
            <translation type="obsolete">automatique (GPU si disponible)</translation>
        </message>
        <message>
            <location filename="../processing/detect.py" line="255" />
            <source>{n} detections written to {path}.</source>
            <translation>{n} détections écrites dans {path}.</translation>
        </message>
    </context>
    <context>
        <name>DetectManyAlgorithm</name>
        <message>
            <source>Boundary threshold for splitting touching objects (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Seuil de bordure pour séparer les objets qui se touchent (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation type="obsolete">CPU</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="80" />
            <source>Dask scheduler address (empty: a local cluster)</source>
            <translation>Adresse de l'ordonnanceur Dask (vide : un cluster local)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="137" />
            <source>Detecting with model “{model}”, snapshot “{snapshot}” ({kind}).</source>
            <translation>Détection avec le modèle « {model} », instantané « {snapshot} » ({kind}).</translation>
        </message>
        <message>
            <source>Device</source>
            <translation type="obsolete">Matériel de calcul</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="75" />
            <source>File pattern of raster scenes (e.g. /data/*.tif)</source>
            <translation>Motif de fichiers des scènes raster (p. ex. /data/*.tif)</translation>
        </message>
        <message>
            <source>Flip test-time augmentation (4× slower)</source>
            <translation type="obsolete">Augmentation par retournement au moment du test (4× plus lent)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="67" />
            <source>Folder of raster scenes</source>
            <translation>Dossier de scènes raster</translation>
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
            <translation>Écarter les scènes en échec au lieu de s'arrêter</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="87" />
            <source>Local worker processes (0: one per core)</source>
            <translation>Processus de travail locaux (0 : un par cœur)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="98" />
            <source>Merged detections</source>
            <translation>Détections fusionnées</translation>
        </message>
        <message>
            <source>Minimum area of a detection (square map units)</source>
            <translation type="obsolete">Surface minimale d'une détection (unités de carte au carré)</translation>
        </message>
        <message>
            <source>Minimum score (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Score minimal (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <source>Minimum size of a detection in pixels (0: the snapshot's calibrated value)</source>
            <translation type="obsolete">Taille minimale d'une détection en pixels (0 : valeur calibrée de l'instantané)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="125" />
            <source>No raster scene given: choose layers, a folder or a file pattern.</source>
            <translation>Aucune scène raster indiquée : choisissez des couches, un dossier ou un motif de fichiers.</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="113" />
            <source>Number of detections</source>
            <translation>Nombre de détections</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="62" />
            <source>Raster scenes</source>
            <translation>Scènes raster</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="43" />
            <source>Run detection over many scenes (Dask)</source>
            <translation>Lancer la détection sur de nombreuses scènes (Dask)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="46" />
            <source>Runs one snapshot of a model over many raster scenes, each scene a task on a Dask cluster, and merges the detections into one GeoPackage whose field scene names the scene of each feature.

Give the scenes as layers, a folder of rasters and/or a file pattern such as /data/tiles/*.tif. Without a scheduler address a local cluster of worker processes runs on this computer; with one (tcp://host:8786), its workers must see the workspace, the rasters and the output file at the same paths. A scene whose worker dies is run again. The same run is available without QGIS: python -m orca_huntr detect-many.</source>
            <translation>Applique un instantané d'un modèle à de nombreuses scènes raster, chaque scène étant une tâche sur un cluster Dask, et fusionne les détections dans un seul GeoPackage dont le champ scene indique la scène de chaque entité.

Indiquez les scènes sous forme de couches, d'un dossier de rasters et/ou d'un motif de fichiers tel que /data/tiles/*.tif. Sans adresse d'ordonnanceur, un cluster local de processus de travail tourne sur cet ordinateur ; avec une adresse (tcp://host:8786), ses processus de travail doivent voir l'espace de travail, les rasters et le fichier de sortie aux mêmes chemins. Une scène dont le processus de travail s'arrête brutalement est relancée. Le même traitement est disponible sans QGIS : python -m orca_huntr detect-many.</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="158" />
            <source>Scene {scene} failed: {message}</source>
            <translation>La scène {scene} a échoué : {message}</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="114" />
            <source>Scenes detected</source>
            <translation>Scènes traitées</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="116" />
            <source>Scenes that failed and why (JSON)</source>
            <translation>Scènes en échec et pourquoi (JSON)</translation>
        </message>
        <message>
            <source>Segmentation mode: one feature per connected area (else one per class)</source>
            <translation type="obsolete">Mode segmentation : une entité par zone connexe (sinon une par classe)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="115" />
            <source>Snapshot id</source>
            <translation>Identifiant de l'instantané</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="103" />
            <source>Without Dask: one scene after another in this process</source>
            <translation>Sans Dask : une scène après l’autre dans ce processus</translation>
        </message>
        <message>
            <source>automatic (GPU when available)</source>
            <translation type="obsolete">automatique (GPU si disponible)</translation>
        </message>
        <message>
            <location filename="../processing/detect_many.py" line="161" />
            <source>{n} detections from {scenes} scenes written to {path}.</source>
            <translation>{n} détections de {scenes} scènes écrites dans {path}.</translation>
        </message>
    </context>
    <context>
        <name>ExportOnnxAlgorithm</name>
        <message>
            <location filename="../processing/export_onnx.py" line="81" />
            <source>Choose the ONNX file to write.</source>
            <translation>Choisissez le fichier ONNX à écrire.</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="28" />
            <source>Export snapshot to ONNX (Deepness)</source>
            <translation>Exporter un instantané en ONNX (Deepness)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="70" />
            <source>Metadata written (JSON)</source>
            <translation>Métadonnées écrites (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="64" />
            <source>ONNX file</source>
            <translation>Fichier ONNX</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="64" />
            <source>ONNX files (*.onnx)</source>
            <translation>Fichiers ONNX (*.onnx)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="48" />
            <source>Raster whose statistics normalise the input (optional)</source>
            <translation>Raster dont les statistiques normalisent l'entrée (facultatif)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="69" />
            <source>Snapshot id</source>
            <translation>Identifiant de l'instantané</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="78" />
            <source>The raster cannot be opened.</source>
            <translation>Le raster ne peut pas être ouvert.</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="53" />
            <source>Tile overlap suggested to Deepness (share of a tile)</source>
            <translation>Recouvrement des tuiles proposé à Deepness (part d'une tuile)</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="31" />
            <source>Writes a snapshot (empty: the current state) as an ONNX file that the Deepness plugin and any ONNX runtime can load: the network with its class probabilities (and, in count mode, a second output with the object boundaries), and the metadata Deepness reads: model type, class names, resolution, tile size, overlap, standardisation and the score threshold.
Deepness applies one normalisation to every raster. Models that normalise each raster with its own statistics therefore need them fixed in the file: give the raster you will run the file on, or leave it empty to use the median of the training scenes' statistics. Deepness does not split touching objects into instances and has no minimum size: its results are the network's segmentation.</source>
            <translation>Écrit un instantané (vide : l'état actuel) dans un fichier ONNX que le plugin Deepness et tout moteur ONNX peuvent charger : le réseau avec les probabilités des classes (et, en mode comptage, une seconde sortie avec les contours des objets), et les métadonnées que lit Deepness : type de modèle, noms des classes, résolution, taille et recouvrement des tuiles, standardisation et seuil de score.
Deepness applique une seule normalisation à tous les rasters. Les modèles qui normalisent chaque raster avec ses propres statistiques doivent donc les fixer dans le fichier : indiquez le raster sur lequel vous utiliserez le fichier, ou laissez vide pour prendre la médiane des statistiques des scènes d'entraînement. Deepness ne sépare pas les objets qui se touchent et n'a pas de taille minimale : ses résultats sont la segmentation du réseau.</translation>
        </message>
        <message>
            <location filename="../processing/export_onnx.py" line="90" />
            <source>Wrote snapshot “{snapshot}” of model “{model}” to {path}.</source>
            <translation>Instantané « {snapshot} » du modèle « {model} » écrit dans {path}.</translation>
        </message>
    </context>
    <context>
        <name>ExportSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/export_snapshot.py" line="25" />
            <source>Export snapshot package</source>
            <translation>Exporter un paquet d'instantané</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="41" />
            <source>Include the training data</source>
            <translation>Inclure les données d'entraînement</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="46" />
            <source>ONNX file to add (optional)</source>
            <translation>Fichier ONNX à ajouter (facultatif)</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="51" />
            <source>ORCA HUNTR package (*.huntrpkg)</source>
            <translation>Paquet ORCA HUNTR (*.huntrpkg)</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="56" />
            <source>Package file</source>
            <translation>Fichier du paquet</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="72" />
            <source>Snapshot “{snapshot}” of model “{model}” exported to {path}.</source>
            <translation>Instantané « {snapshot} » du modèle « {model} » exporté vers {path}.</translation>
        </message>
        <message>
            <location filename="../processing/export_snapshot.py" line="28" />
            <source>Writes a snapshot to one package file (.huntrpkg) that another project can import: the weights, the classes and their colours, the normalisation, the calibrated detection settings, the metrics, the snapshot's lineage and a manifest with checksums.

With “Include the training data” the snapshot's training areas, labels and scenes go with it. An ONNX file of the network (made elsewhere) can be added for tools that run ONNX models.</source>
            <translation>Écrit un instantané dans un fichier paquet (.huntrpkg) qu'un autre projet peut importer : les poids, les classes et leurs couleurs, la normalisation, les réglages de détection calibrés, les métriques, la lignée de l'instantané et un manifeste avec sommes de contrôle.

Avec « Inclure les données d'entraînement », les zones d'entraînement, étiquettes et scènes de l'instantané l'accompagnent. Un fichier ONNX du réseau (fait ailleurs) peut être ajouté pour les outils qui exécutent des modèles ONNX.</translation>
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
            <translation>Matériel de calcul</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="150" />
            <source>GPU (CUDA)</source>
            <translation>GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="132" />
            <source>Model (id or name)</source>
            <translation>Modèle (identifiant ou nom)</translation>
        </message>
        <message>
            <source>Model “{model}” has no snapshot yet: train it first.</source>
            <translation type="obsolete">Le modèle « {model} » n'a pas encore d'instantané : entraînez-le d'abord.</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="267" />
            <source>Models and snapshots</source>
            <translation>Modèles et instantanés</translation>
        </message>
        <message>
            <source>No model given: give a model id or name.</source>
            <translation type="obsolete">Aucun modèle indiqué : donnez l'identifiant ou le nom d'un modèle.</translation>
        </message>
        <message>
            <source>No model “{name}” in this workspace. Models: {names}.</source>
            <translation type="obsolete">Aucun modèle « {name} » dans cet espace de travail. Modèles : {names}.</translation>
        </message>
        <message>
            <source>Several models are called “{name}”; give the id instead. Models: {names}.</source>
            <translation type="obsolete">Plusieurs modèles s'appellent « {name} » ; donnez plutôt l'identifiant. Modèles : {names}.</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="140" />
            <source>Snapshot (id or name)</source>
            <translation>Instantané (identifiant ou nom)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="138" />
            <source>Snapshot (id or name; empty: the current state)</source>
            <translation>Instantané (identifiant ou nom ; vide : l'état actuel)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="159" />
            <source>Snapshot id</source>
            <translation>Identifiant de l'instantané</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="160" />
            <source>Snapshot name</source>
            <translation>Nom de l'instantané</translation>
        </message>
        <message>
            <source>The current project has not been saved, so it has no workspace yet. Save the project first, or give a workspace folder.</source>
            <translation type="obsolete">Le projet actuel n'a pas été enregistré et n'a donc pas encore d'espace de travail. Enregistrez d'abord le projet ou indiquez un dossier d'espace de travail.</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="266" />
            <source>Training and detection</source>
            <translation>Entraînement et détection</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="124" />
            <source>Workspace folder (empty: the one beside the current project)</source>
            <translation>Dossier de l'espace de travail (vide : celui à côté du projet actuel)</translation>
        </message>
        <message>
            <location filename="../processing/algorithm.py" line="150" />
            <source>automatic (GPU when available)</source>
            <translation>automatique (GPU si disponible)</translation>
        </message>
        <message>
            <source>none</source>
            <translation type="obsolete">aucun</translation>
        </message>
    </context>
    <context>
        <name>HuntrClassTable</name>
        <message>
            <location filename="../ui/class_table.py" line="50" />
            <source>Add a class to the model</source>
            <translation>Ajouter une classe au modèle</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="154" />
            <source>Add at least one class.</source>
            <translation>Ajoutez au moins une classe.</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="49" />
            <source>Add class</source>
            <translation>Ajouter une classe</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="45" />
            <source>Class ids are the row numbers; 0 is the background</source>
            <translation>Les identifiants de classe sont les numéros de ligne ; 0 est le fond</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="40" />
            <source>Class name</source>
            <translation>Nom de la classe</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="66" />
            <source>Class {n}</source>
            <translation>Classe {n}</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="40" />
            <source>Colour</source>
            <translation>Couleur</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="76" />
            <source>Colour of this class (kept from the snapshot's model)</source>
            <translation>Couleur de cette classe (reprise du modèle de l'instantané)</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="88" />
            <source>Colour of this class in labels and detections</source>
            <translation>Couleur de cette classe dans les étiquettes et les détections</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="156" />
            <source>Every class needs a name.</source>
            <translation>Chaque classe doit avoir un nom.</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="51" />
            <source>Remove class</source>
            <translation>Supprimer la classe</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="52" />
            <source>Remove the selected class</source>
            <translation>Supprimer la classe sélectionnée</translation>
        </message>
        <message>
            <location filename="../ui/class_table.py" line="158" />
            <source>Two classes have the same name.</source>
            <translation>Deux classes portent le même nom.</translation>
        </message>
    </context>
    <context>
        <name>HuntrCompareDialog</name>
        <message>
            <location filename="../ui/compare_dialog.py" line="67" />
            <source>A detection made earlier from a snapshot on this raster, with its own settings, is shown again</source>
            <translation>Une détection faite auparavant par un instantané sur ce raster, avec ses propres réglages, est affichée à nouveau</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="128" />
            <source>Class</source>
            <translation>Classe</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="75" />
            <source>Compare</source>
            <translation>Comparer</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="38" />
            <source>Compare Snapshots</source>
            <translation>Comparer des instantanés</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="42" />
            <source>Compare snapshot &lt;b&gt;{snapshot}&lt;/b&gt; of &lt;b&gt;{model}&lt;/b&gt; with another snapshot.</source>
            <translation>Comparer l'instantané &lt;b&gt;{snapshot}&lt;/b&gt; de &lt;b&gt;{model}&lt;/b&gt; avec un autre instantané.</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="106" />
            <source>Compare {a} ↔ {b}</source>
            <translation>Comparer {a} ↔ {b}</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="63" />
            <source>Detections of both snapshots on this raster (empty: none)</source>
            <translation>Détections des deux instantanés sur ce raster (vide : aucune)</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="128" />
            <source>Difference</source>
            <translation>Différence</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="110" />
            <source>From {a} to {b}: training areas +{areas_added} / −{areas_removed}, labels +{labels_added} / −{labels_removed}.</source>
            <translation>De {a} à {b} : zones d'entraînement +{areas_added} / −{areas_removed}, étiquettes +{labels_added} / −{labels_removed}.</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="128" />
            <source>Metric</source>
            <translation>Métrique</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="145" />
            <source>Neither snapshot has metrics (no validation areas?).</source>
            <translation>Aucun des instantanés n'a de métriques (pas de zones de validation ?).</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="56" />
            <source>Other snapshot</source>
            <translation>Autre instantané</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="64" />
            <source>Raster</source>
            <translation>Raster</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="65" />
            <source>Reuse detections already made</source>
            <translation>Réutiliser les détections déjà faites</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="79" />
            <source>The model has no other snapshot to compare with.</source>
            <translation>Le modèle n'a pas d'autre instantané avec lequel comparer.</translation>
        </message>
        <message>
            <location filename="../ui/compare_dialog.py" line="132" />
            <source>all</source>
            <translation>toutes</translation>
        </message>
    </context>
    <context>
        <name>HuntrCompareTask</name>
        <message>
            <location filename="../tasks/compare_task.py" line="40" />
            <source>ORCA HUNTR: comparing snapshots</source>
            <translation>ORCA HUNTR : comparaison d'instantanés</translation>
        </message>
        <message>
            <location filename="../tasks/compare_task.py" line="62" />
            <source>The comparison was cancelled; no detection was added.</source>
            <translation>La comparaison a été annulée ; aucune détection n'a été ajoutée.</translation>
        </message>
    </context>
    <context>
        <name>HuntrComparison</name>
        <message>
            <location filename="../adapters/comparison_layers.py" line="38" />
            <source>Compare {a} ↔ {b}</source>
            <translation>Comparer {a} ↔ {b}</translation>
        </message>
        <message>
            <location filename="../adapters/comparison_layers.py" line="103" />
            <source>Training data changes</source>
            <translation>Modifications des données d'entraînement</translation>
        </message>
        <message>
            <location filename="../adapters/comparison_layers.py" line="86" />
            <source>added</source>
            <translation>ajoutée</translation>
        </message>
        <message>
            <location filename="../adapters/comparison_layers.py" line="86" />
            <source>removed</source>
            <translation>supprimée</translation>
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
            <translation>Ajoutez au projet une couche raster sur laquelle détecter.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="130" />
            <source>Advanced options</source>
            <translation>Options avancées</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="85" />
            <source>Any snapshot of the model can detect: current, temporary or saved</source>
            <translation>Tout instantané du modèle peut détecter : actuel, temporaire ou enregistré</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="108" />
            <source>Area</source>
            <translation>Zone</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="136" />
            <source>As trained</source>
            <translation>Comme à l'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="215" />
            <source>Automatic (GPU when available)</source>
            <translation>Automatique (GPU si disponible)</translation>
        </message>
        <message>
            <source>Average the network over the window and its mirror images</source>
            <translation type="obsolete">Moyenne du réseau sur la fenêtre et ses images miroir</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="213" />
            <source>Batch size</source>
            <translation>Taille de lot</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="165" />
            <source>Boundary threshold</source>
            <translation>Seuil de bordure</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="188" />
            <source>Box overlap allowed</source>
            <translation>Chevauchement de boîtes permis</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="169" />
            <source>Boxes</source>
            <translation>Boîtes</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="178" />
            <source>Boxes from the model's box head: of two boxes overlapping more than this (intersection over union), the lower-scored is dropped as the same object found twice. By default the snapshot's value: the most two of its labels overlap, at least 0.4. 1 keeps every box.</source>
            <translation>Boîtes de la tête de boîtes du modèle : de deux boîtes qui se chevauchent davantage (intersection sur union), la moins bien notée est retirée, car c'est le même objet trouvé deux fois. Par défaut la valeur de l'instantané : le plus grand chevauchement de deux de ses étiquettes, au moins 0,4. 1 garde toutes les boîtes.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="216" />
            <source>CPU</source>
            <translation>CPU</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="269" />
            <source>Choose a polygon layer.</source>
            <translation>Choisissez une couche de polygones.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="170" />
            <source>Count mode: each object as its outline, or as a rectangle (the box the model's box head predicts, else the outline's bounding box). By default boxes where the snapshot's labels were boxes, outlines otherwise.</source>
            <translation>Mode comptage : chaque objet en tant que contour, ou en tant que rectangle (la boîte que prédit la tête de boîtes du modèle, sinon l'emprise du contour). Par défaut des boîtes si les étiquettes de l'instantané étaient des boîtes, des contours sinon.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="157" />
            <source>Count mode: lower splits touching objects more readily. By default the snapshot's calibrated value.</source>
            <translation>Mode comptage : plus bas, les objets qui se touchent sont séparés plus facilement. Par défaut, la valeur calibrée de l'instantané.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="112" />
            <source>Current map extent</source>
            <translation>Emprise actuelle de la carte</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="126" />
            <source>Detection runs inside the selected polygons of this layer</source>
            <translation>La détection a lieu à l'intérieur des polygones sélectionnés de cette couche</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="218" />
            <source>Device</source>
            <translation>Matériel de calcul</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="200" />
            <source>Flip averaging</source>
            <translation>Moyenne des symétries</translation>
        </message>
        <message>
            <source>Flip test-time augmentation (4× slower)</source>
            <translation type="obsolete">Augmentation par retournement au moment du test (4× plus lent)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="193" />
            <source>Flip test-time augmentation: average the network over each window and its mirror images (4× the network's work). By default as the snapshot's validation did: on for snapshots trained with this version, whose calibrated settings assume it.</source>
            <translation>Augmentation par symétries : moyenne du réseau sur chaque fenêtre et ses images miroir (4× le travail du réseau). Par défaut comme l’a fait la validation de l’instantané : activée pour les instantanés entraînés avec cette version, dont les réglages calibrés la supposent.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="146" />
            <source>Fraction of each window shared with its neighbours (hides seams)</source>
            <translation>Part de chaque fenêtre partagée avec ses voisines (masque les raccords)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="217" />
            <source>GPU (CUDA)</source>
            <translation>GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="202" />
            <source>Merge all areas of a class into one feature instead of one per area</source>
            <translation>Fusionner toutes les zones d'une classe en une entité au lieu d'une par zone</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="208" />
            <source>Minimum area</source>
            <translation>Surface minimale</translation>
        </message>
        <message>
            <source>Minimum probability for a pixel to belong to a class</source>
            <translation type="obsolete">Probabilité minimale pour qu'un pixel appartienne à une classe</translation>
        </message>
        <message>
            <source>Minimum probability for a pixel to belong to a class. By default the value each snapshot calibrated on its validation areas (see the card's tooltip).</source>
            <translation type="obsolete">Probabilité minimale pour qu'un pixel appartienne à une classe. Par défaut, la valeur que chaque instantané a calibrée sur ses zones de validation (voir l'infobulle de la carte).</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="148" />
            <source>Minimum probability for a pixel to belong to a class. By default the value each snapshot calibrated when it was made (see the card's tooltip).</source>
            <translation>Probabilité minimale pour qu'un pixel appartienne à une classe. Par défaut, la valeur que chaque instantané a calibrée lors de sa création (voir l'infobulle de la carte).</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="177" />
            <source>Objects as</source>
            <translation>Objets en tant que</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="192" />
            <source>Off</source>
            <translation>Désactivée</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="191" />
            <source>On</source>
            <translation>Activée</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="168" />
            <source>Outlines</source>
            <translation>Contours</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="147" />
            <source>Overlap</source>
            <translation>Recouvrement</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="75" />
            <source>Run Detection — {model}</source>
            <translation>Lancer la détection — {model}</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="221" />
            <source>Run detection</source>
            <translation>Lancer la détection</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="105" />
            <source>Scene</source>
            <translation>Scène</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="156" />
            <source>Score threshold</source>
            <translation>Seuil de score</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="201" />
            <source>Segmentation: one feature per class</source>
            <translation>Segmentation : une entité par classe</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="273" />
            <source>Select the polygons to detect in (layer {name} has none selected).</source>
            <translation>Sélectionnez les polygones dans lesquels détecter (la couche {name} n'en a aucun de sélectionné).</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="113" />
            <source>Selected features of a polygon layer</source>
            <translation>Entités sélectionnées d'une couche de polygones</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="138" />
            <source>Side of the windows the network looks at; 'As trained' uses the model's</source>
            <translation>Côté des fenêtres que le réseau examine ; « Comme à l'entraînement » utilise celui du modèle</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="207" />
            <source>Smaller detections are dropped (in the raster's area units)</source>
            <translation>Les détections plus petites sont écartées (en unités de surface du raster)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="96" />
            <source>Snapshot</source>
            <translation>Instantané</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="271" />
            <source>The area layer must hold polygons.</source>
            <translation>La couche de zone doit contenir des polygones.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="260" />
            <source>The model has no snapshot yet: train it first.</source>
            <translation>Le modèle n'a pas encore d'instantané : entraînez-le d'abord.</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="298" />
            <source>The raster to look at; its bands must match the model's</source>
            <translation>Le raster à analyser ; ses bandes doivent correspondre à celles du modèle</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="167" />
            <source>The snapshot's (boxes where the labels are boxes)</source>
            <translation>Celui de l'instantané (des boîtes si les étiquettes sont des boîtes)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="190" />
            <source>The snapshot's (on where its validation used it)</source>
            <translation>Celle de l’instantané (activée si sa validation l’a utilisée)</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="141" />
            <source>Tile size</source>
            <translation>Taille des tuiles</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="111" />
            <source>Whole raster</source>
            <translation>Raster entier</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="212" />
            <source>Windows processed together; larger is faster but needs more memory</source>
            <translation>Fenêtres traitées ensemble ; plus c'est grand, plus c'est rapide, mais cela demande plus de mémoire</translation>
        </message>
        <message>
            <location filename="../ui/detect_dialog.py" line="44" />
            <source>the snapshot's</source>
            <translation>celui de l'instantané</translation>
        </message>
    </context>
    <context>
        <name>HuntrDetectTask</name>
        <message>
            <location filename="../tasks/detect_task.py" line="98" />
            <source>Detection was cancelled; nothing was written.</source>
            <translation>La détection a été annulée ; rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../tasks/detect_task.py" line="54" />
            <source>ORCA HUNTR: detection</source>
            <translation>ORCA HUNTR : détection</translation>
        </message>
    </context>
    <context>
        <name>HuntrDetection</name>
        <message>
            <location filename="../ui/detection_run.py" line="77" />
            <source>Could not start detection</source>
            <translation>Impossible de lancer la détection</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="82" />
            <source>Detection failed</source>
            <translation>La détection a échoué</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="98" />
            <source>Detection started; it runs in the background (see the task manager).</source>
            <translation>Détection lancée ; elle s'exécute en arrière-plan (voir le gestionnaire de tâches).</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="49" />
            <source>No objects found: layer {name} is empty. Try to: {tips}.</source>
            <translation>Aucun objet trouvé : la couche {name} est vide. Essayez de : {tips}.</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="66" />
            <source>ORCA HUNTR: detection with {model}</source>
            <translation>ORCA HUNTR : détection avec {model}</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="46" />
            <source>check that the area covers the objects and the scene looks like the training scenes</source>
            <translation>vérifier que la zone couvre les objets et que la scène ressemble aux scènes d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="44" />
            <source>lower the minimum area (now {value:g})</source>
            <translation>baisser la surface minimale (actuellement {value:g})</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="42" />
            <source>lower the score threshold (now {value:g}, under Advanced options)</source>
            <translation>baisser le seuil de score (actuellement {value:g}, dans Options avancées)</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="47" />
            <source>train longer, or add labels where objects were missed, then detect with the new snapshot</source>
            <translation>entraîner plus longtemps ou ajouter des étiquettes là où des objets ont été manqués, puis détecter avec le nouvel instantané</translation>
        </message>
        <message>
            <location filename="../ui/detection_run.py" line="87" />
            <source>{n} detections: layer {name} added.</source>
            <translation>{n} détections : couche {name} ajoutée.</translation>
        </message>
    </context>
    <context>
        <name>HuntrDetectionLayer</name>
        <message>
            <location filename="../adapters/detection_layer.py" line="112" />
            <source>Cannot open the detection layer {uri}.</source>
            <translation>Impossible d'ouvrir la couche de détections {uri}.</translation>
        </message>
    </context>
    <context>
        <name>HuntrDock</name>
        <message>
            <location filename="../ui/dock.py" line="513" />
            <source>Both snapshots' detections added to group {group} ({n} reused).</source>
            <translation>Détections des deux instantanés ajoutées au groupe {group} ({n} réutilisée(s)).</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="412" />
            <source>Could not add the training layers</source>
            <translation>Impossible d'ajouter les couches d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="488" />
            <source>Could not compare the snapshots</source>
            <translation>Impossible de comparer les instantanés</translation>
        </message>
        <message>
            <source>Could not copy the scenes to the new model</source>
            <translation type="obsolete">Impossible de copier les scènes dans le nouveau modèle</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="406" />
            <source>Could not create a model from the snapshot</source>
            <translation>Impossible de créer un modèle à partir de l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="296" />
            <source>Could not delete the snapshot</source>
            <translation>Impossible de supprimer l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="455" />
            <source>Could not export the snapshot</source>
            <translation>Impossible d'exporter l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="195" />
            <source>Could not list the snapshots</source>
            <translation>Impossible de lister les instantanés</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="305" />
            <source>Could not move the snapshot to the quarantine</source>
            <translation>Impossible de mettre l'instantané en quarantaine</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="593" />
            <source>Could not prepare detection</source>
            <translation>Impossible de préparer la détection</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="320" />
            <source>Could not prepare the revert</source>
            <translation>Impossible de préparer le retour en arrière</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="566" />
            <source>Could not read the lineage</source>
            <translation>Impossible de lire la lignée</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="273" />
            <source>Could not rename the snapshot</source>
            <translation>Impossible de renommer l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="325" />
            <source>Could not revert</source>
            <translation>Impossible de revenir en arrière</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="249" />
            <source>Could not save the snapshot</source>
            <translation>Impossible d'enregistrer l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="370" />
            <source>Could not undo the revert</source>
            <translation>Impossible d'annuler le retour</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="197" />
            <source>Create or choose a model to see its snapshots.</source>
            <translation>Créez ou choisissez un modèle pour voir ses instantanés.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="284" />
            <source>Delete Snapshot</source>
            <translation>Supprimer l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="284" />
            <source>Delete the snapshot {name}? This cannot be undone.</source>
            <translation>Supprimer l'instantané {name} ? Cette action est irréversible.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="100" />
            <source>Detecting… %p%</source>
            <translation>Détection… %p%</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="510" />
            <source>Detection for the comparison failed</source>
            <translation>La détection pour la comparaison a échoué</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="101" />
            <source>Detection runs in the background; cancel it from the task manager</source>
            <translation>La détection s'exécute en arrière-plan ; annulez-la depuis le gestionnaire de tâches</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="109" />
            <source>Disk use, the retention policy and what the next purge would delete</source>
            <translation>Espace disque, politique de conservation et ce que la prochaine purge supprimerait</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="528" />
            <source>Every model of the workspace as a tree: which model came from which snapshot</source>
            <translation>Tous les modèles de l’espace de travail en arbre : quel modèle est issu de quel instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="438" />
            <source>Export Snapshot Package</source>
            <translation>Exporter un paquet d'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="438" />
            <source>Include the snapshot's training areas, labels and scenes in the package?</source>
            <translation>Inclure dans le paquet les zones d'entraînement, étiquettes et scènes de l'instantané ?</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="526" />
            <source>Lineage…</source>
            <translation>Lignée…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="413" />
            <source>Model {name} created from the snapshot.</source>
            <translation>Modèle {name} créé à partir de l'instantané.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="264" />
            <source>New name of the snapshot:</source>
            <translation>Nouveau nom de l'instantané :</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="198" />
            <source>No snapshots yet. Train the model: every stop adds one here.</source>
            <translation>Pas encore d'instantané. Entraînez le modèle : chaque arrêt en ajoute un ici.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="151" />
            <source>No workspace: see the message bar.</source>
            <translation>Aucun espace de travail : voir la barre de messages.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="53" />
            <source>ORCA HUNTR</source>
            <translation>ORCA HUNTR</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="433" />
            <source>ORCA HUNTR package (*.huntrpkg)</source>
            <translation>Paquet ORCA HUNTR (*.huntrpkg)</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="264" />
            <source>Rename Snapshot</source>
            <translation>Renommer l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="107" />
            <source>Retention…</source>
            <translation>Conservation…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="375" />
            <source>Revert undone: {n} snapshots are back.</source>
            <translation>Retour annulé : {n} instantanés sont revenus.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="332" />
            <source>Reverted to {name}: it is the current state again.</source>
            <translation>Retour à {name} : c'est de nouveau l'état actuel.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="93" />
            <source>Run detection with the current state (or any snapshot) on a raster</source>
            <translation>Lancer la détection sur un raster avec l'état actuel (ou n'importe quel instantané)</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="91" />
            <source>Run detection…</source>
            <translation>Lancer la détection…</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="457" />
            <source>Snapshot {name} exported to {path}.</source>
            <translation>Instantané {name} exporté vers {path}.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="252" />
            <source>Snapshot {name} saved: it will not expire.</source>
            <translation>Instantané {name} enregistré : il n'expirera pas.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="572" />
            <source>The model cannot be switched while it trains.</source>
            <translation>Impossible de changer de modèle pendant son entraînement.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="85" />
            <source>Training Snapshots Timeline</source>
            <translation>Chronologie des instantanés d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="153" />
            <source>Unsaved project: models are kept in a temporary folder until you save the project.</source>
            <translation>Projet non enregistré : les modèles sont conservés dans un dossier temporaire jusqu'à l'enregistrement du projet.</translation>
        </message>
        <message>
            <location filename="../ui/dock.py" line="158" />
            <source>Workspace: {path}</source>
            <translation>Espace de travail : {path}</translation>
        </message>
    </context>
    <context>
        <name>HuntrInputs</name>
        <message>
            <location filename="../adapters/inputs.py" line="85" />
            <source>Bands must be numbers separated by commas, not “{text}”.</source>
            <translation>Les bandes doivent être des nombres séparés par des virgules, et non « {text} ».</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="155" />
            <source>Give at least one class name.</source>
            <translation>Indiquez au moins un nom de classe.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="169" />
            <source>Model “{model}” has {n} classes; give exactly {n} class names or none.</source>
            <translation>Le modèle « {model} » a {n} classes ; donnez exactement {n} noms de classe, ou aucun.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="213" />
            <source>The area of interest has no polygon.</source>
            <translation>La zone d'intérêt ne contient aucun polygone.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="101" />
            <source>The raster has bands 1…{n}; “{text}” is not a valid choice.</source>
            <translation>Le raster a les bandes 1…{n} ; « {text} » n'est pas un choix valide.</translation>
        </message>
        <message>
            <location filename="../adapters/inputs.py" line="149" />
            <source>“{colour}” is not a #rrggbb colour (class “{name}”).</source>
            <translation>« {colour} » n'est pas une couleur #rrggbb (classe « {name} »).</translation>
        </message>
    </context>
    <context>
        <name>HuntrInstallBanner</name>
        <message>
            <location filename="../ui/install_banner.py" line="248" />
            <source>Checking that the packages import…</source>
            <translation>Vérification que les paquets s'importent…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="130" />
            <source>Copy command</source>
            <translation>Copier la commande</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="316" />
            <source>Could not install {packages}: {reason} The ORCA HUNTR panel shows what to do.</source>
            <translation>Impossible d'installer {packages} : {reason} Le panneau ORCA HUNTR indique que faire.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="135" />
            <source>Hide</source>
            <translation>Masquer</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="192" />
            <source>Install</source>
            <translation>Installer</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="189" />
            <source>Install {packages}</source>
            <translation>Installer {packages}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="183" />
            <source>Install {packages} {source} with pip into a folder of the plugin:
{folder}

QGIS's own Python is not changed. This can take several minutes: the panel shows the progress, and every line pip writes goes to the ORCA HUNTR tab of the log panel.</source>
            <translation>Installer {packages} {source} avec pip dans un dossier de l'extension :
{folder}

Le Python de QGIS lui-même n'est pas modifié. Cela peut prendre plusieurs minutes : le panneau affiche la progression, et chaque ligne écrite par pip va dans l'onglet ORCA HUNTR du panneau Journal.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="172" />
            <source>Install {packages}…</source>
            <translation>Installer {packages}…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="236" />
            <source>Installing {packages} ({build} build) into {folder}…</source>
            <translation>Installation de {packages} (version {build}) dans {folder}…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="173" />
            <source>Installs with pip into {folder}</source>
            <translation>Installe avec pip dans {folder}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="234" />
            <source>Starting pip…</source>
            <translation>Démarrage de pip…</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="82" />
            <source>The Python interpreter that runs QGIS was not found next to QGIS.</source>
            <translation>L'interpréteur Python qui exécute QGIS est introuvable à côté de QGIS.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="79" />
            <source>The Python that runs QGIS has no pip (on Debian or Ubuntu: sudo apt-get install python3-pip).</source>
            <translation>Le Python qui exécute QGIS n'a pas pip (sous Debian ou Ubuntu : sudo apt-get install python3-pip).</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="312" />
            <source>The details are in the ORCA HUNTR tab of the log panel.</source>
            <translation>Les détails sont dans l'onglet ORCA HUNTR du panneau Journal.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="287" />
            <source>The installation was cancelled.</source>
            <translation>L'installation a été annulée.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="75" />
            <source>The package index could not be reached: this computer seems to be offline, or a proxy or firewall blocks pip.</source>
            <translation>L'index des paquets est injoignable : cet ordinateur semble hors ligne, ou un proxy ou un pare-feu bloque pip.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="83" />
            <source>The packages were installed but do not import: {details}</source>
            <translation>Les paquets ont été installés mais ne s'importent pas : {details}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="195" />
            <source>The {build} build of PyTorch, for the NVIDIA GPU ({reason})</source>
            <translation>La version {build} de PyTorch, pour le GPU NVIDIA ({reason})</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="162" />
            <source>Training and detection need {packages}, which the Python that runs QGIS does not have. ORCA HUNTR can install it for you, into a folder of its own.</source>
            <translation>L'entraînement et la détection ont besoin de {packages}, absent du Python qui exécute QGIS. ORCA HUNTR peut l'installer pour vous, dans un dossier qui lui est propre.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="167" />
            <source>Training and detection need {packages}, which the Python that runs QGIS does not have. ORCA HUNTR can install them for you, into a folder of its own.</source>
            <translation>L'entraînement et la détection ont besoin de {packages}, absents du Python qui exécute QGIS. ORCA HUNTR peut les installer pour vous, dans un dossier qui lui est propre.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="284" />
            <source>Try again</source>
            <translation>Réessayer</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="182" />
            <source>from the internet (about {size} MB)</source>
            <translation>depuis Internet (environ {size} Mo)</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="180" />
            <source>from the wheel folder {folder}</source>
            <translation>depuis le dossier de wheels {folder}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="84" />
            <source>pip failed: {details}</source>
            <translation>pip a échoué : {details}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="66" />
            <source>{first} and {last}</source>
            <translation>{first} et {last}</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="295" />
            <source>{reason}
Run this command by hand (in the OSGeo4W Shell on Windows, a terminal elsewhere), then restart QGIS:</source>
            <translation>{reason}
Lancez cette commande à la main (dans l'OSGeo4W Shell sous Windows, un terminal ailleurs), puis redémarrez QGIS :</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="267" />
            <source>{versions} installed into {folder}. Restart QGIS to use them.</source>
            <translation>{versions} installé(s) dans {folder}. Redémarrez QGIS pour les utiliser.</translation>
        </message>
        <message>
            <location filename="../ui/install_banner.py" line="269" />
            <source>{versions} installed into {folder}. They are ready: no restart is needed.</source>
            <translation>{versions} installé(s) dans {folder}. Prêt : aucun redémarrage n'est nécessaire.</translation>
        </message>
    </context>
    <context>
        <name>HuntrInstallTask</name>
        <message>
            <location filename="../tasks/install_task.py" line="46" />
            <source>ORCA HUNTR: installing {packages}</source>
            <translation>ORCA HUNTR : installation de {packages}</translation>
        </message>
        <message>
            <location filename="../tasks/install_task.py" line="63" />
            <source>The installation was cancelled.</source>
            <translation>L'installation a été annulée.</translation>
        </message>
    </context>
    <context>
        <name>HuntrLineageView</name>
        <message>
            <location filename="../ui/lineage_view.py" line="47" />
            <source>AI model</source>
            <translation>Modèle d’IA</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="45" />
            <source>AI model imported from a package of this snapshot</source>
            <translation>Modèle d’IA importé d’un paquet de cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="46" />
            <source>AI model made from a snapshot no longer in the timeline</source>
            <translation>Modèle d’IA créé à partir d’un instantané qui n’est plus dans la chronologie</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="44" />
            <source>AI model made from this snapshot</source>
            <translation>Modèle d’IA créé à partir de cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Created</source>
            <translation>Créé</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="58" />
            <source>Lineage of the AI Models</source>
            <translation>Lignée des modèles d’IA</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Metric</source>
            <translation>Métrique</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="75" />
            <source>Model / snapshot</source>
            <translation>Modèle / instantané</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="87" />
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="126" />
            <source>Restore it with Undo in the timeline of this model</source>
            <translation>Restaurez-le avec Annuler dans la chronologie de ce modèle</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="132" />
            <source>Reverted</source>
            <translation>Retiré</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="83" />
            <source>Show in timeline</source>
            <translation>Afficher dans la chronologie</translation>
        </message>
        <message>
            <location filename="../ui/lineage_view.py" line="62" />
            <source>Which model came from which snapshot: a model made from a snapshot, or imported from its package, is shown under it; what a revert took back is shown under the snapshot it went back to. Double-click a snapshot to show it in the timeline.</source>
            <translation>Quel modèle est issu de quel instantané : un modèle créé à partir d’un instantané, ou importé de son paquet, est affiché sous celui-ci ; ce qu’un retour en arrière a retiré est affiché sous l’instantané auquel il est revenu. Double-cliquez sur un instantané pour l’afficher dans la chronologie.</translation>
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
            <translation>Erreur inattendue</translation>
        </message>
        <message>
            <location filename="../ui/messages.py" line="106" />
            <source>Unexpected error ({error}). The details are in the ORCA HUNTR tab of the log panel.</source>
            <translation>Erreur inattendue ({error}). Les détails se trouvent dans l'onglet ORCA HUNTR du panneau de journal.</translation>
        </message>
    </context>
    <context>
        <name>HuntrModelPanel</name>
        <message>
            <location filename="../ui/model_panel.py" line="194" />
            <source>1 band</source>
            <translation>1 bande</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="47" />
            <source>AI Model</source>
            <translation>Modèle d'IA</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="102" />
            <source>Add scene</source>
            <translation>Ajouter une scène</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="87" />
            <source>Add the model's training areas and labels to the project, ready to draw with the digitising tools</source>
            <translation>Ajoute au projet les zones d'entraînement et les étiquettes du modèle, prêtes à être dessinées avec les outils de numérisation</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="86" />
            <source>Add training layers</source>
            <translation>Ajouter les couches d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="327" />
            <source>As a new model</source>
            <translation>Comme nouveau modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="473" />
            <source>Could not add the scene</source>
            <translation>Impossible d'ajouter la scène</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="417" />
            <source>Could not add the training layers</source>
            <translation>Impossible d'ajouter les couches d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="274" />
            <source>Could not create the model</source>
            <translation>Impossible de créer le modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="404" />
            <source>Could not delete the model</source>
            <translation>Impossible de supprimer le modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="342" />
            <source>Could not import the package</source>
            <translation>Impossible d'importer le paquet</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="169" />
            <source>Could not list the models</source>
            <translation>Impossible de lister les modèles</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="215" />
            <source>Could not list the scenes</source>
            <translation>Impossible de lister les scènes</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="484" />
            <source>Could not remove the scene</source>
            <translation>Impossible de retirer la scène</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="377" />
            <source>Could not rename the model</source>
            <translation>Impossible de renommer le modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="190" />
            <source>Count</source>
            <translation>Comptage</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="186" />
            <source>Create a model to start: choose its classes and the scenes to learn from.</source>
            <translation>Pour commencer, créez un modèle : choisissez ses classes et les scènes dont il apprendra.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="64" />
            <source>Create a new AI model: classes, mode and scenes</source>
            <translation>Créer un nouveau modèle d'IA : classes, mode et scènes</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="389" />
            <source>Delete Model</source>
            <translation>Supprimer le modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="72" />
            <source>Delete model…</source>
            <translation>Supprimer le modèle…</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="389" />
            <source>Delete the model {name} with all its snapshots and training data? This cannot be undone.</source>
            <translation>Supprimer le modèle {name} avec tous ses instantanés et ses données d'entraînement ? Cette action est irréversible.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="314" />
            <source>Import Snapshot Package</source>
            <translation>Importer un paquet d'instantané</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="74" />
            <source>Import snapshot package…</source>
            <translation>Importer un paquet d'instantané…</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="314" />
            <source>Import snapshot {snapshot} of model {model} as a new model, or as the new current state of {current} (same classes; its training data is kept)?</source>
            <translation>Importer l'instantané {snapshot} du modèle {model} comme nouveau modèle, ou comme nouvel état actuel de {current} (mêmes classes ; ses données d'entraînement sont conservées) ?</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="198" />
            <source>Input: {details}, {dtype}, {crs}; tiles of {tile} px</source>
            <translation>Entrée : {details}, {dtype}, {crs} ; tuiles de {tile} px</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="328" />
            <source>Into {model}</source>
            <translation>Dans {model}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="282" />
            <source>Model {name} created. Draw training areas and labels in its layers, then start training.</source>
            <translation>Modèle {name} créé. Dessinez des zones d'entraînement et des étiquettes dans ses couches, puis lancez l'entraînement.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="368" />
            <source>New name of the model:</source>
            <translation>Nouveau nom du modèle :</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="63" />
            <source>New…</source>
            <translation>Nouveau…</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="173" />
            <source>No model yet: create one</source>
            <translation>Pas encore de modèle : créez-en un</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="425" />
            <source>No other raster layer in the project</source>
            <translation>Aucune autre couche raster dans le projet</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="301" />
            <source>ORCA HUNTR package (*.huntrpkg)</source>
            <translation>Paquet ORCA HUNTR (*.huntrpkg)</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="351" />
            <source>Package imported as model {name}.</source>
            <translation>Paquet importé comme modèle {name}.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="355" />
            <source>Package imported: snapshot {snapshot} is the current state of {name}.</source>
            <translation>Paquet importé : l'instantané {snapshot} est l'état actuel de {name}.</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="110" />
            <source>Remove scene</source>
            <translation>Retirer la scène</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="368" />
            <source>Rename Model</source>
            <translation>Renommer le modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="71" />
            <source>Rename model…</source>
            <translation>Renommer le modèle…</translation>
        </message>
        <message>
            <source>Rename or delete the model</source>
            <translation type="obsolete">Renommer ou supprimer le modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="68" />
            <source>Rename or delete the model, or import a snapshot package</source>
            <translation>Renommer ou supprimer le modèle, ou importer un paquet d'instantané</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="94" />
            <source>Scenes in use</source>
            <translation>Scènes utilisées</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="190" />
            <source>Segmentation</source>
            <translation>Segmentation</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="111" />
            <source>Stop using the selected scenes for training</source>
            <translation>Ne plus utiliser les scènes sélectionnées pour l'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="58" />
            <source>The AI model you are working on</source>
            <translation>Le modèle d'IA sur lequel vous travaillez</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="97" />
            <source>The rasters the model learns from</source>
            <translation>Les rasters dont le modèle apprend</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="103" />
            <source>Use a raster layer of the project as a scene of this model</source>
            <translation>Utiliser une couche raster du projet comme scène de ce modèle</translation>
        </message>
        <message>
            <source>count</source>
            <translation type="obsolete">comptage</translation>
        </message>
        <message>
            <source>segmentation</source>
            <translation type="obsolete">segmentation</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="197" />
            <source>{mode} · classes: {names}</source>
            <translation>{mode} · classes : {names}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="462" />
            <source>{name} cannot be a scene of this model: {reason}</source>
            <translation>{name} ne peut pas être une scène de ce modèle : {reason}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="435" />
            <source>{name} — does not fit the model</source>
            <translation>{name} — ne convient pas au modèle</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="435" />
            <source>{name} — does not fit the model: {reason}</source>
            <translation>{name} — ne convient pas au modèle : {reason}</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="194" />
            <source>{n} bands</source>
            <translation>{n} bandes</translation>
        </message>
        <message>
            <location filename="../ui/model_panel.py" line="196" />
            <source>{res:g} per pixel</source>
            <translation>{res:g} par pixel</translation>
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
            <translation>Un modèle portant ce nom existe déjà.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="79" />
            <source>A name to recognise the model by</source>
            <translation>Un nom pour reconnaître le modèle</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="118" />
            <source>Advanced</source>
            <translation>Avancé</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="130" />
            <source>At the first training the tile size and the network's depth are derived from the labels' typical size and the pixel size, so the network sees each object and its surroundings whole (recorded in the snapshot). Untick to set the tile size yourself.</source>
            <translation>Au premier entraînement, la taille des tuiles et la profondeur du réseau sont déduites de la taille typique des étiquettes et de la taille du pixel, pour que le réseau voie chaque objet et ses abords en entier (enregistré dans l'instantané). Décochez pour fixer vous-même la taille des tuiles.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="145" />
            <source>Channels of the network's first level: larger learns more, runs slower</source>
            <translation>Canaux du premier niveau du réseau : plus il y en a, plus il apprend, mais plus il est lent</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="223" />
            <source>Choose at least one scene (raster layer).</source>
            <translation>Choisissez au moins une scène (couche raster).</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="93" />
            <source>Classes (the number of classes is fixed for the model's life)</source>
            <translation>Classes (leur nombre est fixé pour toute la vie du modèle)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="82" />
            <source>Count (individual objects)</source>
            <translation>Comptage (objets individuels)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="84" />
            <source>Count finds each object separately, even when they touch; segmentation finds areas of each class</source>
            <translation>Le comptage trouve chaque objet séparément, même s'ils se touchent ; la segmentation trouve les surfaces de chaque classe</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="175" />
            <source>Count mode with object centres: the network also learns each label's box. Where the labels are boxes, detection writes the boxes it predicts; stored with the model</source>
            <translation>Mode comptage avec centres d'objets : le réseau apprend aussi la boîte de chaque étiquette. Si les étiquettes sont des boîtes, la détection écrit les boîtes qu'il prédit ; enregistré avec le modèle</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="168" />
            <source>Count mode: what the network learns to tell touching objects apart; stored with the model</source>
            <translation>Mode comptage : ce que le réseau apprend pour distinguer les objets qui se touchent ; enregistré avec le modèle</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="187" />
            <source>Create model</source>
            <translation>Créer un modèle</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="166" />
            <source>Distance to the edge (the earlier default)</source>
            <translation>Distance au bord (l'ancien réglage par défaut)</translation>
        </message>
        <message>
            <source>Distance to the edge (touching and overlapping objects)</source>
            <translation type="obsolete">Distance au bord (objets qui se touchent ou se chevauchent)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="151" />
            <source>From the labels (recommended)</source>
            <translation>D'après les étiquettes (recommandé)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="152" />
            <source>Full resolution</source>
            <translation>Pleine résolution</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="215" />
            <source>Give the model a name.</source>
            <translation>Donnez un nom au modèle.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="153" />
            <source>Half resolution (objects 32 px or more)</source>
            <translation>Demi-résolution (objets de 32 px ou plus)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="172" />
            <source>Learn each object's box (box head)</source>
            <translation>Apprendre la boîte de chaque objet (tête de boîtes)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="90" />
            <source>Mode</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="80" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="162" />
            <source>Network resolution</source>
            <translation>Résolution du réseau</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="148" />
            <source>Network width</source>
            <translation>Largeur du réseau</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="72" />
            <source>New AI Model</source>
            <translation>Nouveau modèle d'IA</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="111" />
            <source>No raster layer in the project: add the imagery first.</source>
            <translation>Aucune couche raster dans le projet : ajoutez d'abord l'imagerie.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="95" />
            <source>Object</source>
            <translation>Objet</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="165" />
            <source>Object centres (touching and overlapping objects)</source>
            <translation>Centres des objets (objets qui se touchent ou se chevauchent)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="154" />
            <source>Quarter resolution (objects 64 px or more)</source>
            <translation>Quart de résolution (objets de 64 px ou plus)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="101" />
            <source>Raster layers of the project; all must have the same bands</source>
            <translation>Couches raster du projet ; elles doivent toutes avoir les mêmes bandes</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="98" />
            <source>Scenes to learn from</source>
            <translation>Scènes d'apprentissage</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="83" />
            <source>Segmentation (areas)</source>
            <translation>Segmentation (surfaces)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="171" />
            <source>Separating objects</source>
            <translation>Séparation des objets</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="126" />
            <source>Side of the square tiles the network learns from (a multiple of 32)</source>
            <translation>Côté des tuiles carrées dont le réseau apprend (un multiple de 32)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="225" />
            <source>The chosen scenes do not have the same number of bands.</source>
            <translation>Les scènes choisies n'ont pas le même nombre de bandes.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="155" />
            <source>The resolution the network works at: large objects are learnt as well at half or a quarter of the raster's resolution, for a quarter or a sixteenth of the compute. Detection still outlines them at full resolution.</source>
            <translation>La résolution à laquelle travaille le réseau : les grands objets s'apprennent aussi bien à la moitié ou au quart de la résolution du raster, pour un quart ou un seizième du calcul. La détection les délimite toujours en pleine résolution.</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="167" />
            <source>Thin rims (objects that barely touch)</source>
            <translation>Bordures fines (objets qui se touchent à peine)</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="139" />
            <source>Tile size</source>
            <translation>Taille des tuiles</translation>
        </message>
        <message>
            <location filename="../ui/new_model_dialog.py" line="78" />
            <source>e.g. Trees</source>
            <translation>p. ex. Arbres</translation>
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
            <translation>toujours garder le meilleur selon {metric}</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="37" />
            <source>beyond the last {n} temporary snapshots (#{rank} from the newest)</source>
            <translation>au-delà des {n} derniers instantanés temporaires (n° {rank} depuis le plus récent)</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="71" />
            <source>disk budget {mb} MB</source>
            <translation>budget disque {mb} Mo</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="63" />
            <source>expire after {days} days</source>
            <translation>expiration après {days} jours</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="35" />
            <source>expired on {date}</source>
            <translation>expiré le {date}</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="64" />
            <source>keep the last {n}</source>
            <translation>garder les {n} derniers</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="55" />
            <source>kept: the best by {metric} ({value})</source>
            <translation>gardé : le meilleur selon {metric} ({value})</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="58" />
            <source>kept: the last complete run, while an interrupted run's checkpoint is current</source>
            <translation>gardé : le dernier entraînement terminé, tant que le point de reprise d'un entraînement interrompu est l'état actuel</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="64" />
            <source>no count limit</source>
            <translation>pas de limite de nombre</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="71" />
            <source>no disk budget</source>
            <translation>pas de budget disque</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="40" />
            <source>over the disk budget by {size}</source>
            <translation>dépasse le budget disque de {size}</translation>
        </message>
        <message>
            <location filename="../adapters/retention.py" line="45" />
            <source>revert of {date}: undo expired on {expiry}</source>
            <translation>retour du {date} : annulation expirée le {expiry}</translation>
        </message>
    </context>
    <context>
        <name>HuntrRetentionDialog</name>
        <message>
            <location filename="../ui/retention_dialog.py" line="84" />
            <source> days</source>
            <translation> jours</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="101" />
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="85" />
            <source>A temporary snapshot is deleted this long after it stopped being current</source>
            <translation>Un instantané temporaire est supprimé ce délai après avoir cessé d'être l'état actuel</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="105" />
            <source>Always keep the best by</source>
            <translation>Toujours garder le meilleur selon</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="122" />
            <source>Apply policy</source>
            <translation>Appliquer la politique</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="369" />
            <source>Apply the edited policy first</source>
            <translation>Appliquez d'abord la politique modifiée</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="107" />
            <source>At most</source>
            <translation>Au plus</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="394" />
            <source>Could not purge</source>
            <translation>Impossible de purger</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="186" />
            <source>Could not read the retention policy</source>
            <translation>Impossible de lire la politique de conservation</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="254" />
            <source>Could not set the retention policy</source>
            <translation>Impossible de définir la politique de conservation</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="97" />
            <source>Count</source>
            <translation>Comptage</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="379" />
            <source>Delete {n} snapshots ({size}) for good? They cannot be restored. Saved snapshots and current states are kept.</source>
            <translation>Supprimer définitivement {n} instantanés ({size}) ? Ils ne pourront pas être restaurés. Les instantanés enregistrés et les états actuels sont conservés.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="116" />
            <source>Disk budget</source>
            <translation>Budget disque</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="63" />
            <source>Disk use</source>
            <translation>Espace disque</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="274" />
            <source>In force: </source>
            <translation>En vigueur : </translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="90" />
            <source>Keep only the last</source>
            <translation>Ne garder que les</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="67" />
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="67" />
            <source>Model / snapshot</source>
            <translation>Modèle / instantané</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="151" />
            <source>Model “{name}”</source>
            <translation>Modèle « {name} »</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="67" />
            <source>Next purge</source>
            <translation>Prochaine purge</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="274" />
            <source>Not applied yet: </source>
            <translation>Pas encore appliquée : </translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="356" />
            <source>Nothing: every snapshot is kept by the policy.</source>
            <translation>Rien : la politique conserve tous les instantanés.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="78" />
            <source>Policy of</source>
            <translation>Politique de</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="145" />
            <source>Purge now…</source>
            <translation>Purger maintenant…</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="379" />
            <source>Purge snapshots</source>
            <translation>Purger les instantanés</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="56" />
            <source>Retention and disk use</source>
            <translation>Conservation et espace disque</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="74" />
            <source>Retention policy</source>
            <translation>Politique de conservation</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Size</source>
            <translation>Taille</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Snapshot</source>
            <translation>Instantané</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="88" />
            <source>Temporary snapshots expire after</source>
            <translation>Les instantanés temporaires expirent après</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="362" />
            <source>The clock is earlier than a snapshot's creation: nothing expires until it is right.</source>
            <translation>L'horloge est antérieure à la création d'un instantané : rien n'expire tant qu'elle n'est pas juste.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="127" />
            <source>The next purge would delete</source>
            <translation>La prochaine purge supprimerait</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="104" />
            <source>The snapshot with the best value of this metric is never purged</source>
            <translation>L'instantané ayant la meilleure valeur de cette métrique n'est jamais purgé</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="366" />
            <source>This is what the edited policy would delete: apply it before purging.</source>
            <translation>Voici ce que la politique modifiée supprimerait : appliquez-la avant de purger.</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="79" />
            <source>This model has its own policy (else it follows the workspace's)</source>
            <translation>Ce modèle a sa propre politique (sinon il suit celle de l'espace de travail)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="131" />
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="152" />
            <source>Workspace (every model without its own policy)</source>
            <translation>Espace de travail (chaque modèle sans politique propre)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="330" />
            <source>Workspace: {total} (detections {detections})</source>
            <translation>Espace de travail : {total} (détections {detections})</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="284" />
            <source>current</source>
            <translation>actuel</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="320" />
            <source>deleted: {reason}</source>
            <translation>supprimé : {reason}</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="114" />
            <source>of snapshots per model (the oldest go first)</source>
            <translation>d'instantanés par modèle (les plus anciens partent d'abord)</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="291" />
            <source>own policy</source>
            <translation>politique propre</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="320" />
            <source>reverted</source>
            <translation>retiré</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="284" />
            <source>saved</source>
            <translation>enregistré</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="304" />
            <source>stays over its budget by {size}</source>
            <translation>reste au-dessus de son budget de {size}</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="284" />
            <source>temporary</source>
            <translation>temporaire</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="95" />
            <source>temporary snapshots</source>
            <translation>instantanés temporaires</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="291" />
            <source>workspace policy</source>
            <translation>politique de l'espace de travail</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="322" />
            <source>{n} reverted snapshots</source>
            <translation>{n} instantanés retirés</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="291" />
            <source>{n} snapshots · training data {size}</source>
            <translation>{n} instantanés · données d'entraînement {size}</translation>
        </message>
        <message>
            <location filename="../ui/retention_dialog.py" line="358" />
            <source>{n} snapshots, {size}. Saved snapshots and current states are never deleted.</source>
            <translation>{n} instantanés, {size}. Les instantanés enregistrés et les états actuels ne sont jamais supprimés.</translation>
        </message>
    </context>
    <context>
        <name>HuntrRevertDialog</name>
        <message>
            <source>1 label added since will be lost.</source>
            <translation type="obsolete">1 étiquette ajoutée depuis sera perdue.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="73" />
            <source>1 label added since will be taken back.</source>
            <translation>1 étiquette ajoutée depuis sera retirée.</translation>
        </message>
        <message>
            <source>1 later snapshot will be deleted.</source>
            <translation type="obsolete">1 instantané plus récent sera supprimé.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="57" />
            <source>1 later snapshot will leave the timeline.</source>
            <translation>1 instantané plus récent quittera la chronologie.</translation>
        </message>
        <message>
            <source>1 training area added since will be lost.</source>
            <translation type="obsolete">1 zone d'entraînement ajoutée depuis sera perdue.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="68" />
            <source>1 training area added since will be taken back.</source>
            <translation>1 zone d'entraînement ajoutée depuis sera retirée.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="62" />
            <source>Among them 1 saved snapshot.</source>
            <translation>Dont 1 instantané enregistré.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="62" />
            <source>Among them {n} saved snapshots.</source>
            <translation>Dont {n} instantanés enregistrés.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="79" />
            <source>Edits made to the training data since then will be undone.</source>
            <translation>Les modifications apportées depuis aux données d'entraînement seront annulées.</translation>
        </message>
        <message>
            <source>I understand that this cannot be undone</source>
            <translation type="obsolete">Je comprends que cette action est irréversible</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="129" />
            <source>I understand what the revert takes back</source>
            <translation>Je comprends ce que le retour retire</translation>
        </message>
        <message>
            <source>No later snapshot will be deleted.</source>
            <translation type="obsolete">Aucun instantané plus récent ne sera supprimé.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="55" />
            <source>No later snapshot will leave the timeline.</source>
            <translation>Aucun instantané plus récent ne quittera la chronologie.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="135" />
            <source>Revert</source>
            <translation>Revenir</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="110" />
            <source>Revert the model to &lt;b&gt;{name}&lt;/b&gt; ({time})?</source>
            <translation>Ramener le modèle à &lt;b&gt;{name}&lt;/b&gt; ({time}) ?</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="103" />
            <source>Revert to Snapshot</source>
            <translation>Revenir à l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="124" />
            <source>The snapshot becomes the current state and the training layers show its data again.</source>
            <translation>L'instantané devient l'état actuel et les couches d'entraînement affichent de nouveau ses données.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="81" />
            <source>The training data have not changed since then.</source>
            <translation>Les données d'entraînement n'ont pas changé depuis.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="84" />
            <source>What the revert takes back can be restored with Undo at any time (it holds a saved snapshot).</source>
            <translation>Ce que le retour retire peut être restauré avec Annuler à tout moment (il contient un instantané enregistré).</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="84" />
            <source>What the revert takes back can be restored with Undo until {date}.</source>
            <translation>Ce que le retour retire peut être restauré avec Annuler jusqu'au {date}.</translation>
        </message>
        <message>
            <source>{n} labels added since will be lost.</source>
            <translation type="obsolete">{n} étiquettes ajoutées depuis seront perdues.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="73" />
            <source>{n} labels added since will be taken back.</source>
            <translation>{n} étiquettes ajoutées depuis seront retirées.</translation>
        </message>
        <message>
            <source>{n} later snapshots will be deleted.</source>
            <translation type="obsolete">{n} instantanés plus récents seront supprimés.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="59" />
            <source>{n} later snapshots will leave the timeline.</source>
            <translation>{n} instantanés plus récents quitteront la chronologie.</translation>
        </message>
        <message>
            <source>{n} training areas added since will be lost.</source>
            <translation type="obsolete">{n} zones d'entraînement ajoutées depuis seront perdues.</translation>
        </message>
        <message>
            <location filename="../ui/revert_dialog.py" line="68" />
            <source>{n} training areas added since will be taken back.</source>
            <translation>{n} zones d'entraînement ajoutées depuis seront retirées.</translation>
        </message>
    </context>
    <context>
        <name>HuntrSnapshotModelDialog</name>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="85" />
            <source>A model with this name already exists.</source>
            <translation>Un modèle portant ce nom existe déjà.</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="36" />
            <source>A new model starting from the weights of snapshot &lt;b&gt;{snapshot}&lt;/b&gt; ({time}) of &lt;b&gt;{model}&lt;/b&gt;.</source>
            <translation>Un nouveau modèle qui part des poids de l'instantané &lt;b&gt;{snapshot}&lt;/b&gt; ({time}) de &lt;b&gt;{model}&lt;/b&gt;.</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="32" />
            <source>AI Model from Snapshot</source>
            <translation>Modèle d'IA à partir d'un instantané</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="57" />
            <source>Classes ({n}, as in the snapshot; you can rename them)</source>
            <translation>Classes ({n}, comme dans l'instantané ; vous pouvez les renommer)</translation>
        </message>
        <message>
            <source>Copy the snapshot's training areas and labels into the new model; otherwise it starts without any (the scenes are kept either way)</source>
            <translation type="obsolete">Copier les zones d'entraînement et les étiquettes de l'instantané dans le nouveau modèle ; sinon, il démarre sans (les scènes sont conservées dans tous les cas)</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="67" />
            <source>Copy the snapshot's training areas, labels and scenes into the new model; otherwise it starts without any (add the scenes it should learn from)</source>
            <translation>Copier les zones d'entraînement, les étiquettes et les scènes de l'instantané dans le nouveau modèle ; sinon il démarre sans (ajoutez les scènes dont il doit apprendre)</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="74" />
            <source>Create model</source>
            <translation>Créer un modèle</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="83" />
            <source>Give the new model a name.</source>
            <translation>Donnez un nom au nouveau modèle.</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="54" />
            <source>Name of the new model</source>
            <translation>Nom du nouveau modèle</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="55" />
            <source>New model name</source>
            <translation>Nom du nouveau modèle</translation>
        </message>
        <message>
            <source>Reuse training areas and labels</source>
            <translation type="obsolete">Réutiliser les zones d'entraînement et les étiquettes</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="66" />
            <source>Reuse training areas, labels and scenes</source>
            <translation>Réutiliser les zones d'entraînement, les étiquettes et les scènes</translation>
        </message>
        <message>
            <location filename="../ui/snapshot_model_dialog.py" line="51" />
            <source>{model} (from {snapshot})</source>
            <translation>{model} (depuis {snapshot})</translation>
        </message>
    </context>
    <context>
        <name>HuntrTimeline</name>
        <message>
            <location filename="../ui/timeline.py" line="254" />
            <source>1 label</source>
            <translation>1 étiquette</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="263" />
            <source>1 reverted snapshot</source>
            <translation>1 instantané retiré</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="255" />
            <source>1 scene</source>
            <translation>1 scène</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="140" />
            <source>1 step</source>
            <translation>1 pas</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="253" />
            <source>1 training area</source>
            <translation>1 zone d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="49" />
            <source>AI Model from Snapshot…</source>
            <translation>Modèle d'IA à partir de l'instantané…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="353" />
            <source>Actions</source>
            <translation>Actions</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="110" />
            <source>Checkpoint · {kind}</source>
            <translation>Point de reprise · {kind}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="50" />
            <source>Compare with…</source>
            <translation>Comparer avec…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="376" />
            <source>Created at (local time)</source>
            <translation>Créé le (heure locale)</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="112" />
            <source>Current state</source>
            <translation>État actuel</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="53" />
            <source>Delete</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="66" />
            <source>Delete this snapshot for good</source>
            <translation>Supprimer définitivement cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="221" />
            <source>Detection settings (calibrated): score ≥ {score}, boundary &lt; {boundary}, ≥ {pixels} px</source>
            <translation>Réglages de détection (calibrés) : score ≥ {score}, bordure &lt; {boundary}, ≥ {pixels} px</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="231" />
            <source>Detection writes each object as a box (the labels were boxes)</source>
            <translation>La détection écrit chaque objet en tant que boîte (les étiquettes étaient des boîtes)</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="132" />
            <source>Expires on {date} (local time), unless you save it</source>
            <translation>Expire le {date} (heure locale), sauf si vous l'enregistrez</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="51" />
            <source>Export package…</source>
            <translation>Exporter un paquet…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="181" />
            <source>F1 {value}</source>
            <translation>F1 {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="60" />
            <source>Give this snapshot another name</source>
            <translation>Donner un autre nom à cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="218" />
            <source>IoU of class {id}: {value}</source>
            <translation>IoU de la classe {id} : {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="183" />
            <source>IoU {value}</source>
            <translation>IoU {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="59" />
            <source>Keep this snapshot: saved snapshots never expire</source>
            <translation>Conserver cet instantané : les instantanés enregistrés n'expirent jamais</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="345" />
            <source>Kept for a while, then removed automatically unless you save it</source>
            <translation>Conservé un certain temps, puis supprimé automatiquement, sauf si vous l'enregistrez</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="346" />
            <source>Kept until you delete it</source>
            <translation>Conservé jusqu'à ce que vous le supprimiez</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="65" />
            <source>Make this snapshot the current state and discard everything after it</source>
            <translation>Faire de cet instantané l'état actuel et abandonner tout ce qui a suivi</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="203" />
            <source>Mean IoU</source>
            <translation>IoU moyen</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="63" />
            <source>Metrics, training data changes and detections of this snapshot and another</source>
            <translation>Métriques, modifications des données d'entraînement et détections de cet instantané et d'un autre</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="452" />
            <source>Move to quarantine</source>
            <translation>Mettre en quarantaine</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="241" />
            <source>No metrics recorded</source>
            <translation>Aucune métrique enregistrée</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="444" />
            <source>No snapshots yet. Train the model: every stop adds one here.</source>
            <translation>Pas encore d'instantané. Entraînez le modèle : chaque arrêt en ajoute un ici.</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="204" />
            <source>Object F1</source>
            <translation>F1 par objet</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="205" />
            <source>Object precision</source>
            <translation>Précision par objet</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="206" />
            <source>Object recall</source>
            <translation>Rappel par objet</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="236" />
            <source>Of two boxes overlapping more than IoU {iou}, the lower-scored is dropped</source>
            <translation>De deux boîtes se chevauchant à plus de IoU {iou}, la moins bien notée est retirée</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="47" />
            <source>Rename…</source>
            <translation>Renommer…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="504" />
            <source>Restore what this revert took back; what replaced it is kept the same way</source>
            <translation>Restaurer ce que ce retour a retiré ; ce qui l'a remplacé est conservé de la même façon</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="52" />
            <source>Revert to…</source>
            <translation>Revenir à…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="263" />
            <source>Reverted training data</source>
            <translation>Données d'entraînement retirées</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="61" />
            <source>Run detection on a raster with this snapshot's weights</source>
            <translation>Lancer la détection sur un raster avec les poids de cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="48" />
            <source>Run detection…</source>
            <translation>Lancer la détection…</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="46" />
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="114" />
            <source>Saved</source>
            <translation>Enregistré</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="116" />
            <source>Saved? · state unknown, never purged</source>
            <translation>Enregistré ? · état inconnu, jamais purgé</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="525" />
            <source>Snapshot(s) {ids} cannot be read ({reason}). Training this model is blocked: it would continue from an older snapshot. Repair the files, or move the snapshot(s) to the workspace's .quarantine folder.</source>
            <translation>Instantané(s) {ids} illisible(s) ({reason}). L'entraînement de ce modèle est bloqué : il reprendrait depuis un instantané plus ancien. Réparez les fichiers ou placez le(s) instantané(s) dans le dossier .quarantine de l'espace de travail.</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="62" />
            <source>Start a new AI model from this snapshot's weights</source>
            <translation>Démarrer un nouveau modèle d'IA à partir des poids de cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="119" />
            <source>Temporary</source>
            <translation>Temporaire</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="123" />
            <source>Temporary · expires in 1 day</source>
            <translation>Temporaire · expire dans 1 jour</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="124" />
            <source>Temporary · expires in {n} days</source>
            <translation>Temporaire · expire dans {n} jours</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="121" />
            <source>Temporary · expires today</source>
            <translation>Temporaire · expire aujourd'hui</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="344" />
            <source>The most recent state of the model: training resumes from here</source>
            <translation>L'état le plus récent du modèle : l'entraînement reprend à partir d'ici</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="388" />
            <source>Training data in use when the snapshot was taken</source>
            <translation>Données d'entraînement utilisées au moment de l'instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="201" />
            <source>Training loss</source>
            <translation>Perte d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="367" />
            <source>Training steps and epochs of the model at this snapshot</source>
            <translation>Pas et époques d'entraînement du modèle à cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="502" />
            <source>Undo</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="233" />
            <source>Validated with flip averaging: detection averages the mirror images too</source>
            <translation>Validé avec la moyenne des symétries : la détection moyenne aussi les images miroir</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="202" />
            <source>Validation loss</source>
            <translation>Perte de validation</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="208" />
            <source>Validation metrics of this snapshot</source>
            <translation>Métriques de validation de cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="354" />
            <source>What to do with this snapshot</source>
            <translation>Que faire de cet instantané</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="64" />
            <source>Write this snapshot to one file that another project can import</source>
            <translation>Écrire cet instantané dans un fichier qu'un autre projet peut importer</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="191" />
            <source>loss {value}</source>
            <translation>perte {value}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="192" />
            <source>no metrics yet</source>
            <translation>pas encore de métriques</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="270" />
            <source>undo at any time</source>
            <translation>annulable à tout moment</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="270" />
            <source>undo until {date}</source>
            <translation>annulable jusqu'au {date}</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="254" />
            <source>{n} labels</source>
            <translation>{n} étiquettes</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="263" />
            <source>{n} reverted snapshots</source>
            <translation>{n} instantanés retirés</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="255" />
            <source>{n} scenes</source>
            <translation>{n} scènes</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="140" />
            <source>{n} steps</source>
            <translation>{n} pas</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="253" />
            <source>{n} training areas</source>
            <translation>{n} zones d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/timeline.py" line="141" />
            <source>{steps} · {epochs} epochs</source>
            <translation>{steps} · {epochs} époques</translation>
        </message>
    </context>
    <context>
        <name>HuntrTrainTask</name>
        <message>
            <location filename="../tasks/train_task.py" line="39" />
            <source>ORCA HUNTR: training</source>
            <translation>ORCA HUNTR : entraînement</translation>
        </message>
        <message>
            <location filename="../tasks/train_task.py" line="70" />
            <source>Training was cancelled before it started; nothing was written.</source>
            <translation>L'entraînement a été annulé avant de commencer ; rien n'a été écrit.</translation>
        </message>
        <message>
            <location filename="../tasks/train_task.py" line="61" />
            <source>{title} · step {step} · loss {loss:.4f}</source>
            <translation>{title} · étape {step} · perte {loss:.4f}</translation>
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
            <translation>Instantané {name} · pas {step}</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="190" />
            <source>The training curve appears after the first training</source>
            <translation>La courbe d'entraînement apparaît après le premier entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="121" />
            <source>Training loss (blue, left axis) and validation {metric} (orange, right axis) against steps; the marks at the top are the snapshots</source>
            <translation>Perte d'entraînement (bleu, axe de gauche) et {metric} de validation (orange, axe de droite) selon les pas ; les repères en haut sont les instantanés</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="218" />
            <source>step {n}</source>
            <translation>pas {n}</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="222" />
            <source>— loss</source>
            <translation>— perte</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="222" />
            <source>— validation {metric}</source>
            <translation>— {metric} de validation</translation>
        </message>
        <message>
            <location filename="../ui/training_curve.py" line="222" />
            <source>▼ snapshots</source>
            <translation>▼ instantanés</translation>
        </message>
    </context>
    <context>
        <name>HuntrTrainingLayers</name>
        <message>
            <location filename="../ui/training_layers.py" line="140" />
            <source>Class</source>
            <translation>Classe</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="37" />
            <source>Labels</source>
            <translation>Étiquettes</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="112" />
            <source>Purpose</source>
            <translation>Usage</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="105" />
            <source>Training</source>
            <translation>Entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="37" />
            <source>Training areas</source>
            <translation>Zones d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_layers.py" line="114" />
            <source>Validation (accuracy)</source>
            <translation>Validation (précision)</translation>
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
            <translation> étapes</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="519" />
            <source>%p% · {eta} left</source>
            <translation>%p% · {eta} restant</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Another project's training is still running: stop it or wait for it to end</source>
            <translation>L'entraînement d'un autre projet est toujours en cours : arrêtez-le ou attendez sa fin</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="147" />
            <source>Automatic (GPU when available)</source>
            <translation>Automatique (GPU si disponible)</translation>
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
            <translation>Point de reprise</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Continue from the current state with the training data as they are now</source>
            <translation>Continuer à partir de l'état actuel avec les données d'entraînement telles qu'elles sont maintenant</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="369" />
            <source>Could not start training</source>
            <translation>Impossible de lancer l'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="396" />
            <source>Details…</source>
            <translation>Détails…</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="151" />
            <source>Device</source>
            <translation>Matériel de calcul</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="585" />
            <source>Done · %p%</source>
            <translation>Terminé · %p%</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="159" />
            <source>During a run, keep its state as a checkpoint snapshot this often: if QGIS stops, at most this much training is lost. Only the newest checkpoints are kept.</source>
            <translation>Pendant un entraînement, conserver son état comme instantané de reprise à cet intervalle : si QGIS s'arrête, au plus cette durée d'entraînement est perdue. Seuls les points de reprise les plus récents sont conservés.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="62" />
            <source>Epoch budget reached</source>
            <translation>Budget d'époques atteint</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="549" />
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="149" />
            <source>GPU (CUDA)</source>
            <translation>GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="497" />
            <source>Keep training</source>
            <translation>Continuer l'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="593" />
            <source>Last metrics: {metric}</source>
            <translation>Dernières métriques : {metric}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="529" />
            <source>Last validation: {metric}</source>
            <translation>Dernière validation : {metric}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="87" />
            <source>Model {model} has no labels. Training would teach it that everything inside its training areas is background, so it would detect nothing.

Draw labels (polygons with a class) inside the training areas first.</source>
            <translation>Le modèle {model} n'a aucune étiquette. L'entraînement lui apprendrait que tout, dans ses zones d'entraînement, est du fond : il ne détecterait rien.

Dessinez d'abord des étiquettes (polygones avec une classe) dans les zones d'entraînement.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="92" />
            <source>No labels for {classes}. The model would learn that these are background and would not detect them.

Draw labels of every class inside the training areas first.</source>
            <translation>Aucune étiquette pour {classes}. Le modèle apprendrait que c'est du fond et ne les détecterait pas.

Dessinez d'abord des étiquettes de chaque classe dans les zones d'entraînement.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="561" />
            <source>Not running</source>
            <translation>À l'arrêt</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="553" />
            <source>Not started</source>
            <translation>Non démarré</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="366" />
            <source>ORCA HUNTR: training {model}</source>
            <translation>ORCA HUNTR : entraînement de {model}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="382" />
            <source>Reading the training data…</source>
            <translation>Lecture des données d'entraînement…</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="434" />
            <source>Resume Interrupted Training</source>
            <translation>Reprendre l'entraînement interrompu</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="435" />
            <source>Resume from the checkpoint</source>
            <translation>Reprendre depuis le point de reprise</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="317" />
            <source>Resume training</source>
            <translation>Reprendre l'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="317" />
            <source>Start training</source>
            <translation>Lancer l'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="381" />
            <source>Starting… %p%</source>
            <translation>Démarrage… %p%</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="61" />
            <source>Step budget reached</source>
            <translation>Budget d'étapes atteint</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="189" />
            <source>Step, epoch and training loss of the running training</source>
            <translation>Étape, époque et perte d'entraînement de l'entraînement en cours</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="275" />
            <source>Still training {model} of {project} in the background (workspace {path}); Stop ends that run and writes its snapshot there.</source>
            <translation>Entraînement de {model} ({project}) toujours en cours en arrière-plan (espace de travail {path}) ; Arrêter termine cet entraînement et y écrit son instantané.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="171" />
            <source>Stop</source>
            <translation>Arrêter</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="173" />
            <source>Stop after the current step; the model is kept as a new snapshot</source>
            <translation>Arrêter après l'étape en cours ; le modèle est conservé comme nouvel instantané</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="496" />
            <source>Stop and snapshot now</source>
            <translation>Arrêter et créer l'instantané maintenant</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="65" />
            <source>Stopped</source>
            <translation>Arrêté</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="60" />
            <source>Stopped by you</source>
            <translation>Arrêté par vous</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="64" />
            <source>Stopped early: validation no longer improved</source>
            <translation>Arrêt anticipé : la validation ne s'améliorait plus</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="582" />
            <source>Stopped · %p% of the budget</source>
            <translation>Arrêté · %p% du budget</translation>
        </message>
        <message>
            <source>Stopping after the current step…</source>
            <translation type="obsolete">Arrêt après l'étape en cours…</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="517" />
            <source>Stopping… %p%</source>
            <translation>Arrêt en cours… %p%</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="464" />
            <source>Stopping… (finishing the current step and writing the snapshot)</source>
            <translation>Arrêt en cours… (fin de l'étape en cours et écriture de l'instantané)</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="425" />
            <source>The last training of {model} did not end: it was interrupted at step {steps}. Its newest checkpoint ({name}) is the current state. Resume training from it?</source>
            <translation>Le dernier entraînement de {model} ne s'est pas terminé : il a été interrompu à l'étape {steps}. Son point de reprise le plus récent ({name}) est l'état actuel. Reprendre l'entraînement depuis celui-ci ?</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="194" />
            <source>The last validation metrics</source>
            <translation>Les dernières métriques de validation</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="480" />
            <source>The unsaved project</source>
            <translation>Le projet non enregistré</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="398" />
            <source>The whole message is also in the ORCA HUNTR tab of the log panel</source>
            <translation>Le message complet se trouve aussi dans l'onglet ORCA HUNTR du panneau de journal</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="63" />
            <source>Time budget reached</source>
            <translation>Budget de temps atteint</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="430" />
            <source>To start from the last snapshot a run ended with ({name}) instead, cancel and revert to it on the timeline.</source>
            <translation>Pour repartir plutôt du dernier instantané d'un entraînement terminé ({name}), annulez et revenez-y depuis la chronologie.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="449" />
            <source>Train anyway</source>
            <translation>Entraîner quand même</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Train the model on its training areas and labels</source>
            <translation>Entraîner le modèle sur ses zones d'entraînement et ses étiquettes</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="112" />
            <source>Training</source>
            <translation>Entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="404" />
            <source>Training Error</source>
            <translation>Erreur d'entraînement</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="480" />
            <source>Training Still Running</source>
            <translation>Entraînement toujours en cours</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="448" />
            <source>Training Without Labels</source>
            <translation>Entraînement sans étiquettes</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="142" />
            <source>Training also stops after this many minutes</source>
            <translation>L'entraînement s'arrête aussi après ce nombre de minutes</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="551" />
            <source>Training could not start</source>
            <translation>L'entraînement n'a pas pu démarrer</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="318" />
            <source>Training is running</source>
            <translation>L'entraînement est en cours</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="564" />
            <source>Training of {model} ({project}) stopped: snapshot {name} is its current state, in {path}.</source>
            <translation>Entraînement de {model} ({project}) arrêté : l'instantané {name} est son état actuel, dans {path}.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="548" />
            <source>Training stopped with an error</source>
            <translation>L'entraînement s'est arrêté sur une erreur</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="597" />
            <source>Training stopped: snapshot {name} is the current state.</source>
            <translation>Entraînement arrêté : l'instantané {name} est l'état actuel.</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="136" />
            <source>Training stops after this many more steps (or earlier with Stop)</source>
            <translation>L'entraînement s'arrête après ce nombre d'étapes supplémentaires (ou plus tôt avec Arrêter)</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="274" />
            <source>Training {model} (workspace {path})</source>
            <translation>Entraînement de {model} (espace de travail {path})</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="150" />
            <source>Where the network is trained</source>
            <translation>Où le réseau est entraîné</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="301" />
            <source>Workspace of the running training: {path}</source>
            <translation>Espace de travail de l'entraînement en cours : {path}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="522" />
            <source>epoch {epoch:.1f}</source>
            <translation>époque {epoch:.1f}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="157" />
            <source>every </source>
            <translation>toutes les </translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="590" />
            <source>loss {loss:.4f}</source>
            <translation>perte {loss:.4f}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="156" />
            <source>no checkpoints</source>
            <translation>aucun point de reprise</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="134" />
            <source>no step limit</source>
            <translation>sans limite d'étapes</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="140" />
            <source>no time limit</source>
            <translation>sans limite de temps</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="588" />
            <source>step {step}</source>
            <translation>étape {step}</translation>
        </message>
        <message>
            <location filename="../ui/training_panel.py" line="70" />
            <source>the unsaved project</source>
            <translation>le projet non enregistré</translation>
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
            <translation>{project} a été fermé pendant l'entraînement du modèle {model}.

Arrêter maintenant : l'entraînement se termine après l'étape en cours et son instantané est écrit dans {path}.

Continuer : l'entraînement se poursuit en arrière-plan ; ce panneau continue de l'afficher, avec son bouton Arrêter, et son instantané y est écrit à la fin.</translation>
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
            <translation>1 instantané temporaire expiré a été supprimé.</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="84" />
            <source>Could not open the ORCA HUNTR workspace</source>
            <translation>Impossible d'ouvrir l'espace de travail ORCA HUNTR</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="164" />
            <source>Could not remove expired snapshots</source>
            <translation>Impossible de supprimer les instantanés expirés</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="151" />
            <source>The ORCA HUNTR workspace now lives beside the project: {path}</source>
            <translation>L'espace de travail ORCA HUNTR se trouve désormais à côté du projet : {path}</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="132" />
            <source>The project was saved under a new name: its ORCA HUNTR workspace is now {new}. The models of {old} stay there.</source>
            <translation>Le projet a été enregistré sous un nouveau nom : son espace de travail ORCA HUNTR est désormais {new}. Les modèles de {old} y restent.</translation>
        </message>
        <message>
            <location filename="../ui/workspace_binding.py" line="169" />
            <source>{n} expired temporary snapshots were removed.</source>
            <translation>{n} instantanés temporaires expirés ont été supprimés.</translation>
        </message>
    </context>
    <context>
        <name>HuntrWorkspaceLookup</name>
        <message>
            <location filename="../adapters/workspace.py" line="81" />
            <source>Model “{model}” has no snapshot yet: train it first.</source>
            <translation>Le modèle « {model} » n'a pas encore d'instantané : entraînez-le d'abord.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="53" />
            <source>No model given: give a model id or name.</source>
            <translation>Aucun modèle indiqué : donnez l'identifiant ou le nom d'un modèle.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="66" />
            <source>No model “{name}” in this workspace. Models: {names}.</source>
            <translation>Aucun modèle « {name} » dans cet espace de travail. Modèles : {names}.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="61" />
            <source>Several models are called “{name}”; give the id instead. Models: {names}.</source>
            <translation>Plusieurs modèles s'appellent « {name} » ; donnez plutôt l'identifiant. Modèles : {names}.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="39" />
            <source>The current project has not been saved, so it has no workspace yet. Save the project first, or give a workspace folder.</source>
            <translation>Le projet actuel n'a pas été enregistré et n'a donc pas encore d'espace de travail. Enregistrez d'abord le projet ou indiquez un dossier d'espace de travail.</translation>
        </message>
        <message>
            <location filename="../adapters/workspace.py" line="58" />
            <source>none</source>
            <translation>aucun</translation>
        </message>
    </context>
    <context>
        <name>ImportSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/import_snapshot.py" line="22" />
            <source>Import snapshot package</source>
            <translation>Importer un paquet d'instantané</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="69" />
            <source>Imported as snapshot “{snapshot}”, the current state of model “{model}”.</source>
            <translation>Importé comme instantané « {snapshot} », l'état actuel du modèle « {model} ».</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="67" />
            <source>Imported as the new model “{model}”.</source>
            <translation>Importé comme nouveau modèle « {model} ».</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="25" />
            <source>Imports a snapshot package (.huntrpkg) made by “Export snapshot package”.

With no model given it becomes a new model (named as given, else as in the package) whose current state is the package's snapshot, with the package's training data when it carries some. With a model given, that model must have the same classes, mode and bands: the package's weights become its new current state and its training data is kept.

The file is treated as untrusted: unexpected files, oversized or over-compressed files, changed checksums and anything but safetensors weights are refused, and nothing shows in the workspace until every check passed.</source>
            <translation>Importe un paquet d'instantané (.huntrpkg) fait par « Exporter un paquet d'instantané ».

Sans modèle indiqué, il devient un nouveau modèle (nommé comme indiqué, sinon comme dans le paquet) dont l'état actuel est l'instantané du paquet, avec les données d'entraînement du paquet s'il en contient. Avec un modèle indiqué, celui-ci doit avoir les mêmes classes, le même mode et les mêmes bandes : les poids du paquet deviennent son nouvel état actuel et ses données d'entraînement sont conservées.

Le fichier est traité comme non fiable : fichiers inattendus, fichiers trop grands ou trop compressés, sommes de contrôle modifiées et tout ce qui n'est pas des poids safetensors sont refusés, et rien n'apparaît dans l'espace de travail avant que toutes les vérifications aient réussi.</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="41" />
            <source>Into model (id or name; empty: a new model)</source>
            <translation>Dans le modèle (identifiant ou nom ; vide : un nouveau modèle)</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="51" />
            <source>Model id</source>
            <translation>Identifiant du modèle</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="52" />
            <source>Model name</source>
            <translation>Nom du modèle</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="46" />
            <source>New model name (empty: the package's)</source>
            <translation>Nom du nouveau modèle (vide : celui du paquet)</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="38" />
            <source>Package file</source>
            <translation>Fichier du paquet</translation>
        </message>
        <message>
            <location filename="../processing/import_snapshot.py" line="53" />
            <source>Snapshot id</source>
            <translation>Identifiant de l'instantané</translation>
        </message>
    </context>
    <context>
        <name>ListSnapshotsAlgorithm</name>
        <message>
            <location filename="../processing/list_snapshots.py" line="51" />
            <source>List snapshots</source>
            <translation>Lister les instantanés</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="64" />
            <source>Model (id or name; empty: every model)</source>
            <translation>Modèle (identifiant ou nom ; vide : tous les modèles)</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="70" />
            <source>Number of snapshots</source>
            <translation>Nombre d'instantanés</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="69" />
            <source>Snapshots</source>
            <translation>Instantanés</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="54" />
            <source>Writes the Training Snapshots Timeline as a table: one row per snapshot, newest first, with its kind (current, temporary or saved), name, creation and expiry times, the training data it was trained on (training areas, labels per class, scenes), its training progress (epochs, steps, tiles seen) and its validation metrics.

Leave the model empty to list the snapshots of every model in the workspace.</source>
            <translation>Écrit la chronologie des instantanés d'entraînement sous forme de table : une ligne par instantané, du plus récent au plus ancien, avec son type (actuel, temporaire ou enregistré), son nom, ses dates de création et d'expiration, les données sur lesquelles il a été entraîné (zones d'entraînement, étiquettes par classe, scènes), sa progression (époques, étapes, tuiles vues) et ses métriques de validation.

Laissez le modèle vide pour lister les instantanés de tous les modèles de l'espace de travail.</translation>
        </message>
        <message>
            <location filename="../processing/list_snapshots.py" line="93" />
            <source>{n} snapshots.</source>
            <translation>{n} instantanés.</translation>
        </message>
    </context>
    <context>
        <name>ModelFromSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="41" />
            <source>Class names (comma-separated; empty: keep them)</source>
            <translation>Noms des classes (séparés par des virgules ; vide : les conserver)</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="24" />
            <source>Create model from snapshot</source>
            <translation>Créer un modèle à partir d'un instantané</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="60" />
            <source>Created model “{name}” ({id}) from snapshot “{snapshot}”.</source>
            <translation>Modèle « {name} » ({id}) créé à partir de l'instantané « {snapshot} ».</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="27" />
            <source>Creates a new model that starts from the weights of a snapshot of another model, for example to adapt a good model to a new region without changing the original.

The new model has the same number of classes; you may rename them (names separated by commas, in the same order). With “Reuse the training data” the snapshot's training areas, labels and scenes are copied into the new model; otherwise it starts with empty training data.</source>
            <translation>Crée un nouveau modèle qui part des poids d'un instantané d'un autre modèle, par exemple pour adapter un bon modèle à une nouvelle région sans modifier l'original.

Le nouveau modèle a le même nombre de classes ; vous pouvez les renommer (noms séparés par des virgules, dans le même ordre). Avec « Réutiliser les données d'entraînement », les zones d'entraînement, les étiquettes et les scènes de l'instantané sont copiées dans le nouveau modèle ; sinon, il démarre avec des données d'entraînement vides.</translation>
        </message>
        <message>
            <source>Model “{model}” has {n} classes; give exactly {n} class names or none.</source>
            <translation type="obsolete">Le modèle « {model} » a {n} classes ; donnez exactement {n} noms de classe, ou aucun.</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="49" />
            <source>New model id</source>
            <translation>Identifiant du nouveau modèle</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="50" />
            <source>New model name</source>
            <translation>Nom du nouveau modèle</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="46" />
            <source>Reuse the training data</source>
            <translation>Réutiliser les données d'entraînement</translation>
        </message>
        <message>
            <location filename="../processing/model_from_snapshot.py" line="38" />
            <source>Source model (id or name)</source>
            <translation>Modèle source (identifiant ou nom)</translation>
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
            <translation>Afficher ou masquer le panneau ORCA HUNTR</translation>
        </message>
    </context>
    <context>
        <name>PurgeExpiredAlgorithm</name>
        <message>
            <location filename="../processing/purge_expired.py" line="51" />
            <source>Bytes freed</source>
            <translation>Octets libérés</translation>
        </message>
        <message>
            <source>Deleted expired snapshot {id} of model {model}.</source>
            <translation type="obsolete">Instantané expiré {id} du modèle {model} supprimé.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="59" />
            <source>Deleted snapshot {id} of model {model}: {reason}.</source>
            <translation>Instantané {id} du modèle {model} supprimé : {reason}.</translation>
        </message>
        <message>
            <source>Deletes the temporary snapshots whose expiry time has passed, in every model of the workspace, and what reverts took back once it expired (it can no longer be undone). Saved snapshots and each model's current state are never deleted.

Outputs how many snapshots were deleted and their ids.</source>
            <translation type="obsolete">Supprime les instantanés temporaires dont la date d'expiration est passée, dans chaque modèle de l'espace de travail, ainsi que ce que les retours ont retiré une fois expiré (cela ne peut plus être annulé). Les instantanés enregistrés et l'état actuel de chaque modèle ne sont jamais supprimés.

Renvoie le nombre d'instantanés supprimés et leurs identifiants.</translation>
        </message>
        <message>
            <source>Deletes the temporary snapshots whose expiry time has passed, in every model of the workspace. Saved snapshots and each model's current state are never deleted.

Outputs how many snapshots were deleted and their ids.</source>
            <translation type="obsolete">Supprime les instantanés temporaires dont la date d'expiration est passée, dans tous les modèles de l'espace de travail. Les instantanés enregistrés et l'état actuel de chaque modèle ne sont jamais supprimés.

Renvoie le nombre d'instantanés supprimés et leurs identifiants.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="31" />
            <source>Deletes, in every model of the workspace, the temporary snapshots its retention policy gives up (past their expiry, beyond the last N, over the disk budget; the best by the policy's metric is kept) and what reverts took back once it expired (it can no longer be undone). Saved snapshots and each model's current state are never deleted.

With Dry run nothing is deleted: the log and the Plan output say what a purge would delete and why.

Outputs how many snapshots were (or would be) deleted, their ids, the bytes freed and the plan as JSON.</source>
            <translation>Supprime, dans chaque modèle de l'espace de travail, les instantanés temporaires que sa politique de conservation abandonne (expirés, au-delà des N derniers, au-dessus du budget disque ; le meilleur selon la métrique de la politique est gardé) ainsi que ce que les retours ont retiré une fois expiré (cela ne peut plus être annulé). Les instantanés enregistrés et l'état actuel de chaque modèle ne sont jamais supprimés.

Avec Simulation, rien n'est supprimé : le journal et la sortie Plan disent ce qu'une purge supprimerait et pourquoi.

Donne le nombre d'instantanés supprimés (ou qui le seraient), leurs identifiants, les octets libérés et le plan en JSON.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="44" />
            <source>Dry run: only list what would be deleted</source>
            <translation>Simulation : seulement lister ce qui serait supprimé</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="50" />
            <source>Ids of the deleted snapshots</source>
            <translation>Identifiants des instantanés supprimés</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="52" />
            <source>Plan (JSON: what, and why)</source>
            <translation>Plan (JSON : quoi, et pourquoi)</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="28" />
            <source>Purge expired snapshots</source>
            <translation>Purger les instantanés expirés</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="68" />
            <source>Reverted set {id} of model {model}: {reason}.</source>
            <translation>Ensemble retiré {id} du modèle {model} : {reason}.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="74" />
            <source>Snapshot {id} of model {model}: {reason}.</source>
            <translation>Instantané {id} du modèle {model} : {reason}.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="49" />
            <source>Snapshots deleted</source>
            <translation>Instantanés supprimés</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="59" />
            <source>Would delete snapshot {id} of model {model}: {reason}.</source>
            <translation>Supprimerait l'instantané {id} du modèle {model} : {reason}.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="80" />
            <source>{n} expired snapshots deleted.</source>
            <translation>{n} instantanés expirés supprimés.</translation>
        </message>
        <message>
            <location filename="../processing/purge_expired.py" line="80" />
            <source>{n} snapshots would be deleted ({size}).</source>
            <translation>{n} instantanés seraient supprimés ({size}).</translation>
        </message>
    </context>
    <context>
        <name>RenameSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/rename_snapshot.py" line="29" />
            <source>New name</source>
            <translation>Nouveau nom</translation>
        </message>
        <message>
            <location filename="../processing/rename_snapshot.py" line="17" />
            <source>Rename snapshot</source>
            <translation>Renommer un instantané</translation>
        </message>
        <message>
            <location filename="../processing/rename_snapshot.py" line="36" />
            <source>Renamed snapshot {id}: “{old}” → “{new}”.</source>
            <translation>Instantané {id} renommé : « {old} » → « {new} ».</translation>
        </message>
        <message>
            <location filename="../processing/rename_snapshot.py" line="20" />
            <source>Renames a snapshot of the model's timeline. The snapshot is found by its id or its current name; the new name must not be empty.</source>
            <translation>Renomme un instantané de la chronologie du modèle. L'instantané est désigné par son identifiant ou son nom actuel ; le nouveau nom ne doit pas être vide.</translation>
        </message>
        <message>
            <source>Snapshot id</source>
            <translation type="obsolete">Identifiant de l'instantané</translation>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation type="obsolete">Nom de l'instantané</translation>
        </message>
    </context>
    <context>
        <name>RevertToSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="48" />
            <source>Current snapshot id</source>
            <translation>Identifiant de l'instantané actuel</translation>
        </message>
        <message>
            <source>I understand that later snapshots are discarded</source>
            <translation type="obsolete">Je comprends que les instantanés plus récents seront abandonnés</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="41" />
            <source>I understand that later snapshots leave the timeline</source>
            <translation>Je comprends que les instantanés plus récents quittent la chronologie</translation>
        </message>
        <message>
            <source>Makes the chosen snapshot the model's current state: the next training session continues from it, and its training data replace the live training data. Snapshots made after it and training data edited since are discarded.

Because this cannot be undone, the algorithm only runs when “I understand that later snapshots are discarded” is checked (CONFIRM=true); otherwise it changes nothing and reports what the revert would discard.</source>
            <translation type="obsolete">Fait de l'instantané choisi l'état actuel du modèle : la prochaine session d'entraînement repart de lui, et ses données d'entraînement remplacent les données d'entraînement en cours. Les instantanés créés après lui et les modifications des données d'entraînement faites depuis sont abandonnés.

Comme cette opération est irréversible, l'algorithme ne s'exécute que si « Je comprends que les instantanés plus récents seront abandonnés » est coché (CONFIRM=true) ; sinon, il ne change rien et indique ce que le retour en arrière abandonnerait.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="26" />
            <source>Makes the chosen snapshot the model's current state: the next training session continues from it, and its training data replace the live training data. Snapshots made after it and training data edited since leave the timeline: they are kept as a reverted set that “Undo revert” restores until it expires (the temporary-snapshot expiry; never while it holds a saved snapshot).

The algorithm only runs when “I understand that later snapshots leave the timeline” is checked (CONFIRM=true); otherwise it changes nothing and reports what the revert would take back.</source>
            <translation>Fait de l'instantané choisi l'état actuel du modèle : la prochaine session d'entraînement repart de lui, et ses données d'entraînement remplacent les données d'entraînement actuelles. Les instantanés créés après lui et les données d'entraînement modifiées depuis quittent la chronologie : ils sont conservés comme un ensemble retiré que « Annuler un retour » restaure jusqu'à son expiration (l'expiration des instantanés temporaires ; jamais tant qu'il contient un instantané enregistré).

L'algorithme ne s'exécute que si « Je comprends que les instantanés plus récents quittent la chronologie » est coché (CONFIRM=true) ; sinon il ne change rien et indique ce que le retour retirerait.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="58" />
            <source>Model “{model}” reverted to snapshot “{snapshot}”.</source>
            <translation>Modèle « {model} » ramené à l'instantané « {snapshot} ».</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="23" />
            <source>Revert to snapshot</source>
            <translation>Revenir à un instantané</translation>
        </message>
        <message>
            <source>Reverting model “{model}” to snapshot “{snapshot}” would discard {n} later snapshots ({saved} of them saved) and {data}. Nothing was changed: set the confirmation parameter (CONFIRM=true) to revert.</source>
            <translation type="obsolete">Ramener le modèle « {model} » à l'instantané « {snapshot} » abandonnerait {n} instantanés plus récents (dont {saved} enregistrés) et {data}. Rien n'a été modifié : activez le paramètre de confirmation (CONFIRM=true) pour revenir en arrière.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="76" />
            <source>Reverting model “{model}” to snapshot “{snapshot}” would take back {n} later snapshots ({saved} of them saved) and {data}, restorable with “Undo revert” {until}. Nothing was changed: set the confirmation parameter (CONFIRM=true) to revert.</source>
            <translation>Revenir à l'instantané « {snapshot} » du modèle « {model} » retirerait {n} instantanés plus récents (dont {saved} enregistrés) et {data}, restaurables avec « Annuler un retour » {until}. Rien n'a été modifié : activez le paramètre de confirmation (CONFIRM=true) pour revenir.</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="49" />
            <source>Snapshots discarded</source>
            <translation>Instantanés abandonnés</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="50" />
            <source>What the revert discarded (JSON)</source>
            <translation>Ce que le retour en arrière a abandonné (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="80" />
            <source>at any time</source>
            <translation>à tout moment</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="71" />
            <source>no training data (unchanged since then)</source>
            <translation>aucune donnée d'entraînement (inchangées depuis)</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="71" />
            <source>the training data edited since then</source>
            <translation>les données d'entraînement modifiées depuis</translation>
        </message>
        <message>
            <location filename="../processing/revert_to_snapshot.py" line="80" />
            <source>until {date}</source>
            <translation>jusqu'au {date}</translation>
        </message>
    </context>
    <context>
        <name>SaveSnapshotAlgorithm</name>
        <message>
            <location filename="../processing/save_snapshot.py" line="30" />
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <location filename="../processing/save_snapshot.py" line="17" />
            <source>Save snapshot</source>
            <translation>Enregistrer un instantané</translation>
        </message>
        <message>
            <location filename="../processing/save_snapshot.py" line="37" />
            <source>Saved snapshot “{name}” ({id}).</source>
            <translation>Instantané « {name} » ({id}) enregistré.</translation>
        </message>
        <message>
            <location filename="../processing/save_snapshot.py" line="20" />
            <source>Saves a snapshot so that it never expires. Temporary snapshots are deleted after a while; saved ones stay until you delete them.

Leave the snapshot empty to save the current state. The name is optional.</source>
            <translation>Enregistre un instantané pour qu'il n'expire jamais. Les instantanés temporaires sont supprimés au bout d'un certain temps ; les instantanés enregistrés restent jusqu'à ce que vous les supprimiez.

Laissez l'instantané vide pour enregistrer l'état actuel. Le nom est facultatif.</translation>
        </message>
        <message>
            <source>Snapshot id</source>
            <translation type="obsolete">Identifiant de l'instantané</translation>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation type="obsolete">Nom de l'instantané</translation>
        </message>
    </context>
    <context>
        <name>SetRetentionAlgorithm</name>
        <message>
            <location filename="../processing/set_retention.py" line="68" />
            <source>(none)</source>
            <translation>(aucun)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="68" />
            <source>Always keep the best snapshot by</source>
            <translation>Toujours garder le meilleur instantané selon</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="106" />
            <source>Choose a model to make it follow the workspace's policy.</source>
            <translation>Choisissez un modèle pour lui faire suivre la politique de l'espace de travail.</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="76" />
            <source>Disk budget of each model's snapshots (MB; 0: none)</source>
            <translation>Budget disque des instantanés de chaque modèle (Mo ; 0 : aucun)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="50" />
            <source>Expiry of temporary snapshots (days)</source>
            <translation>Expiration des instantanés temporaires (jours)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="59" />
            <source>Keep only the last N temporary snapshots (-1: no limit)</source>
            <translation>Ne garder que les N derniers instantanés temporaires (-1 : pas de limite)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="45" />
            <source>Model (id or name; empty: the workspace's policy)</source>
            <translation>Modèle (identifiant ou nom ; vide : la politique de l'espace de travail)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="92" />
            <source>Policy in force</source>
            <translation>Politique en vigueur</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="118" />
            <source>Policy of model {model}: {policy}.</source>
            <translation>Politique du modèle {model} : {policy}.</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="28" />
            <source>Set retention policy</source>
            <translation>Définir la politique de conservation</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="31" />
            <source>Sets what purges keep of the temporary snapshots: how many days they stay after they stopped being the current state, only the newest N of them, always the best one by a metric, and a disk budget (MB) for each model's snapshots (the oldest go first). Saved snapshots and the current state are never purged.

Leave the model empty to set the workspace's policy; with a model, it gets its own policy, or follows the workspace's again when that option is checked. Nothing is deleted here: run Purge expired snapshots (with Dry run to see what it would delete).</source>
            <translation>Définit ce que les purges gardent des instantanés temporaires : combien de jours ils restent après avoir cessé d'être l'état actuel, seulement les N plus récents, toujours le meilleur selon une métrique, et un budget disque (Mo) pour les instantanés de chaque modèle (les plus anciens partent d'abord). Les instantanés enregistrés et l'état actuel ne sont jamais purgés.

Laissez le modèle vide pour définir la politique de l'espace de travail ; avec un modèle, il reçoit sa propre politique, ou suit de nouveau celle de l'espace de travail quand cette option est cochée. Rien n'est supprimé ici : lancez Purger les instantanés expirés (avec Simulation pour voir ce qui serait supprimé).</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="85" />
            <source>The model follows the workspace's policy (drop its own)</source>
            <translation>Le modèle suit la politique de l'espace de travail (abandonner la sienne)</translation>
        </message>
        <message>
            <location filename="../processing/set_retention.py" line="118" />
            <source>Workspace policy: {policy}.</source>
            <translation>Politique de l'espace de travail : {policy}.</translation>
        </message>
    </context>
    <context>
        <name>TrainModelAlgorithm</name>
        <message>
            <location filename="../processing/train_model.py" line="75" />
            <source>Batch size</source>
            <translation>Taille de lot</translation>
        </message>
        <message>
            <source>CPU</source>
            <translation type="obsolete">CPU</translation>
        </message>
        <message>
            <source>CPU threads (0: all cores but one)</source>
            <translation type="obsolete">Threads CPU (0 : tous les cœurs sauf un)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="111" />
            <source>CPU threads (0: all cores)</source>
            <translation>Fils CPU (0 : tous les cœurs)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>Count mode: what the boundary channel learns</source>
            <translation>Mode comptage : ce qu'apprend le canal de bordure</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="114" />
            <source>Crash-safe checkpoint every so many minutes (0: none)</source>
            <translation>Point de reprise (résistant aux plantages) toutes les N minutes (0 : aucun)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="184" />
            <source>Detection settings calibrated for this snapshot: minimum score {score}, boundary threshold {boundary}, minimum size {pixels} px.</source>
            <translation>Réglages de détection calibrés pour cet instantané : score minimal {score}, seuil de bordure {boundary}, taille minimale {pixels} px.</translation>
        </message>
        <message>
            <source>Detection settings calibrated on the validation areas (JSON)</source>
            <translation type="obsolete">Réglages de détection calibrés sur les zones de validation (JSON)</translation>
        </message>
        <message>
            <source>Detection settings calibrated on the validation areas: minimum score {score}, boundary threshold {boundary}, minimum size {pixels} px.</source>
            <translation type="obsolete">Réglages de détection calibrés sur les zones de validation : score minimal {score}, seuil de bordure {boundary}, taille minimale {pixels} px.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="130" />
            <source>Detection settings the snapshot calibrated (JSON)</source>
            <translation>Réglages de détection calibrés de l'instantané (JSON)</translation>
        </message>
        <message>
            <source>Device</source>
            <translation type="obsolete">Matériel de calcul</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="103" />
            <source>Early stopping patience in validations (0: off)</source>
            <translation>Patience de l'arrêt anticipé, en validations (0 : désactivé)</translation>
        </message>
        <message>
            <source>GPU (CUDA)</source>
            <translation type="obsolete">GPU (CUDA)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="76" />
            <source>Learning rate</source>
            <translation>Taux d'apprentissage</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="68" />
            <source>Maximum epochs (0: no limit)</source>
            <translation>Nombre maximal d'époques (0 : sans limite)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="58" />
            <source>Maximum steps (0: no limit)</source>
            <translation>Nombre maximal d'étapes (0 : sans limite)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="63" />
            <source>Maximum time in seconds (0: no limit)</source>
            <translation>Durée maximale en secondes (0 : sans limite)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="98" />
            <source>Photometric augmentation (brightness, contrast, gamma, colour cast, blur)</source>
            <translation>Augmentation photométrique (luminosité, contraste, gamma, dominante de couleur, flou)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="77" />
            <source>Random seed</source>
            <translation>Graine aléatoire</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="78" />
            <source>Share of the training areas held out for validation (when none is marked)</source>
            <translation>Part des zones d'entraînement réservée à la validation (si aucune n'est marquée)</translation>
        </message>
        <message>
            <source>Snapshot id</source>
            <translation type="obsolete">Identifiant de l'instantané</translation>
        </message>
        <message>
            <source>Snapshot name</source>
            <translation type="obsolete">Nom de l'instantané</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="170" />
            <source>Step {step}: validation {metrics}</source>
            <translation>Étape {step} : validation {metrics}</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="194" />
            <source>Stopped after {steps} steps ({reason}); snapshot “{name}” ({id}) is the current state.</source>
            <translation>Arrêt après {steps} étapes ({reason}) ; l'instantané « {name} » ({id}) est l'état actuel.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="128" />
            <source>Total steps of the model</source>
            <translation>Nombre total d'étapes du modèle</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="39" />
            <source>Train model</source>
            <translation>Entraîner le modèle</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="176" />
            <source>Training model “{name}” ({id}).</source>
            <translation>Entraînement du modèle « {name} » ({id}).</translation>
        </message>
        <message>
            <source>Trains the model on the training areas and labels of its training GeoPackage. Training continues from the model's current state, so running it again adds to the earlier sessions.

Training stops at the first budget reached (steps, epochs or seconds; 0 means no limit, and with no limit at all it stops after 500 steps), when the validation loss stops improving (early stopping), or when you cancel. Every stop creates a snapshot on the Training Snapshots Timeline, which becomes the current state.

Outputs the new snapshot's id and name, the number of steps and the validation metrics.</source>
            <translation type="obsolete">Entraîne le modèle sur les zones d'entraînement et les étiquettes de son GeoPackage d'entraînement. L'entraînement repart de l'état actuel du modèle : le relancer prolonge donc les sessions précédentes.

L'entraînement s'arrête au premier budget atteint (étapes, époques ou secondes ; 0 signifie sans limite, et sans aucune limite il s'arrête après 500 étapes), lorsque la perte de validation cesse de s'améliorer (arrêt anticipé) ou lorsque vous annulez. Chaque arrêt crée un instantané dans la chronologie des instantanés d'entraînement, qui devient l'état actuel.

Renvoie l'identifiant et le nom du nouvel instantané, le nombre d'étapes et les métriques de validation.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="42" />
            <source>Trains the model on the training areas and labels of its training GeoPackage. Training continues from the model's current state, so running it again adds to the earlier sessions.

Training stops at the first budget reached (steps, epochs or seconds; 0 means no limit: a time budget alone trains for that long, and with no limit at all it stops after 500 steps), when the validation loss stops improving (early stopping), or when you cancel. Every stop creates a snapshot on the Training Snapshots Timeline, which becomes the current state.

Outputs the new snapshot's id and name, the number of steps and the validation metrics.</source>
            <translation>Entraîne le modèle sur les zones d'entraînement et les étiquettes de son GeoPackage d'entraînement. L'entraînement repart de l'état actuel du modèle : le relancer prolonge donc les sessions précédentes.

L'entraînement s'arrête au premier budget atteint (étapes, époques ou secondes ; 0 signifie sans limite : un budget de temps seul entraîne pendant cette durée, et sans aucune limite il s'arrête après 500 étapes), lorsque la perte de validation cesse de s'améliorer (arrêt anticipé) ou lorsque vous annulez. Chaque arrêt crée un instantané dans la chronologie des instantanés d'entraînement, qui devient l'état actuel.

Renvoie l'identifiant et le nom du nouvel instantané, le nombre d'étapes et les métriques de validation.</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="129" />
            <source>Validation metrics (JSON)</source>
            <translation>Métriques de validation (JSON)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="127" />
            <source>Why training stopped</source>
            <translation>Raison de l'arrêt de l'entraînement</translation>
        </message>
        <message>
            <source>automatic (GPU when available)</source>
            <translation type="obsolete">automatique (GPU si disponible)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>distance to the object's edge (the earlier default)</source>
            <translation>distance au bord de l'objet (l'ancien réglage par défaut)</translation>
        </message>
        <message>
            <source>distance to the object's edge (touching and overlapping objects)</source>
            <translation type="obsolete">distance au bord de l'objet (objets qui se touchent ou se chevauchent)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>object centres (touching and overlapping objects)</source>
            <translation>centres des objets (objets qui se touchent ou se chevauchent)</translation>
        </message>
        <message>
            <source>the model's own (distance for a new model)</source>
            <translation type="obsolete">celle du modèle (distance pour un nouveau modèle)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>the model's own (object centres for a new model)</source>
            <translation>celle du modèle (centres des objets pour un nouveau modèle)</translation>
        </message>
        <message>
            <location filename="../processing/train_model.py" line="87" />
            <source>thin rims (the older target)</source>
            <translation>bordures fines (l'ancienne cible)</translation>
        </message>
    </context>
    <context>
        <name>TrainingImport</name>
        <message>
            <location filename="../adapters/training_import.py" line="168" />
            <source>Could not write to layer “{name}” of the training GeoPackage: {error}</source>
            <translation>Impossible d'écrire dans la couche « {name} » du GeoPackage d'entraînement : {error}</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="321" />
            <source>Label</source>
            <translation>Étiquette</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="313" />
            <source>Label {fid} has class “{value}”, which is not one of the model's classes ({names}).</source>
            <translation>L'étiquette {fid} a la classe « {value} », qui ne fait pas partie des classes du modèle ({names}).</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="291" />
            <source>The labels have no field “{field}”.</source>
            <translation>Les étiquettes n'ont pas de champ « {field} ».</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="294" />
            <source>The model has {n} classes: choose the labels' field that holds the class id or name.</source>
            <translation>Le modèle a {n} classes : choisissez le champ des étiquettes qui contient l'identifiant ou le nom de la classe.</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="51" />
            <source>The training GeoPackage {path} has no valid layer “{name}”.</source>
            <translation>Le GeoPackage d'entraînement {path} n'a pas de couche « {name} » valide.</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="257" />
            <source>Training area</source>
            <translation>Zone d'entraînement</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="109" />
            <source>{what} {fid} has no area (empty or degenerate polygon); it was left out.</source>
            <translation>{what} {fid} n'a pas de surface (polygone vide ou dégénéré) ; elle a été ignorée.</translation>
        </message>
        <message>
            <location filename="../adapters/training_import.py" line="101" />
            <source>{what} {fid} was an invalid polygon (self-intersecting?); it was repaired.</source>
            <translation>{what} {fid} était un polygone invalide (auto-intersection ?) ; il a été réparé.</translation>
        </message>
    </context>
    <context>
        <name>UndoRevertAlgorithm</name>
        <message>
            <location filename="../processing/undo_revert.py" line="37" />
            <source>Current snapshot id</source>
            <translation>Identifiant de l'instantané actuel</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="20" />
            <source>Restores what a revert took back: the snapshots it removed from the timeline and the training data as they were before it. Snapshots trained since the revert and training data edited since are kept as a reverted set in turn, so the undo can be undone too.

A revert can be undone until it expires (the temporary-snapshot expiry of the workspace; never when it took back a saved snapshot). Leave the reverted set empty to undo the newest revert of the model.</source>
            <translation>Restaure ce qu'un retour a retiré : les instantanés qu'il a ôtés de la chronologie et les données d'entraînement telles qu'elles étaient avant lui. Les instantanés entraînés depuis le retour et les données d'entraînement modifiées depuis sont conservés à leur tour comme un ensemble retiré : l'annulation peut elle aussi être annulée.

Un retour peut être annulé jusqu'à son expiration (l'expiration des instantanés temporaires de l'espace de travail ; jamais s'il a retiré un instantané enregistré). Laissez l'ensemble retiré vide pour annuler le retour le plus récent du modèle.</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="32" />
            <source>Reverted set id (empty: the newest revert)</source>
            <translation>Identifiant de l'ensemble retiré (vide : le retour le plus récent)</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="38" />
            <source>Snapshots restored</source>
            <translation>Instantanés restaurés</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="46" />
            <source>Undid the revert of model “{model}”: {n} snapshots restored.</source>
            <translation>Retour du modèle « {model} » annulé : {n} instantanés restaurés.</translation>
        </message>
        <message>
            <location filename="../processing/undo_revert.py" line="17" />
            <source>Undo revert</source>
            <translation>Annuler un retour</translation>
        </message>
    </context>
</TS>
