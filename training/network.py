"""The segmentation network: a compact UNet trained from scratch.

Output contract, shared by training and detection:

* channels ``0..C`` are semantic logits (softmax over them); channel 0 is background
  and channel ``k`` is the model's class ``k`` (class ids are 1-based);
* in ``count`` mode one more channel, ``C + 1``, is a boundary logit (sigmoid): the
  object's *edge-ness*, high (→1) on the rim of every object and where two objects touch
  or overlap, falling towards each object's centre (→0). It is trained on one of three
  targets (``TrainConfig.boundary_target``, recorded with the model): ``"centre"`` (the
  default for new models: 1 but for a Gaussian low point at each label's centre),
  ``"distance"`` (1 − the distance to the object's edge normalised per object) or thin
  rims (``"rim"``, the oldest). Either way
  instances are split by keeping the pixels below a threshold as object cores and
  growing the rest of the class back onto them.

A count model with the centre target also learns each object's **box** (``NetworkSpec.boxes``,
recorded with the model): a head of four channels, the distances from a pixel to the left,
top, right and bottom sides of the box of the label it lies in, trained as an auxiliary task
(``loss.box_iou_loss``; README, *Ablation*, *Box extents as an auxiliary task*). Only
``forward(x, boxes=True)`` returns it, after the contract's channels: training, and validation
and detection where they write boxes (``detection.infer.with_boxes``; README, *Ablation*,
*Detection reads the box head*); a plain call, the ONNX export and Deepness see the contract
above, unchanged.

No weights are downloaded: the network is built from its settings alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import torch
from torch import nn
from torch.nn import functional

from .recipe import tile_multiple

MODES = ("count", "segmentation")
BOX_CHANNELS = 4  # the box head's distances: left, top, right, bottom


@dataclass(frozen=True)
class NetworkSpec:
    """Settings that fully define the network's architecture."""

    width: int = 16  # channels of the first level; doubled at each level down
    depth: int = 3  # number of down-sampling steps
    # the network works at 1/scale of the raster's resolution: its input is averaged over
    # scale × scale pixels and its output resampled back (bilinear), so training, validation,
    # detection and ONNX see full-resolution tiles either way; objects many pixels across
    # cost scale² less to learn and detect (training/recipe.py chooses it from the labels)
    scale: int = 1
    # count mode, centre target: a head that learns each object's box (training only, see above)
    boxes: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if self.scale == 1:  # as recorded before the setting existed
            del data["scale"]
        if not self.boxes:  # as recorded before the setting existed
            del data["boxes"]
        return data

    @property
    def multiple(self) -> int:
        """Tiles must be a multiple of this many pixels (``recipe.tile_multiple``)."""
        return tile_multiple(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> NetworkSpec:
        data = dict(data or {})
        width, depth = int(data.get("width", 16)), int(data.get("depth", 3))
        return cls(width=width, depth=depth, scale=int(data.get("scale") or 1), boxes=bool(data.get("boxes")))


def output_channels(num_classes: int, mode: str) -> int:
    """Number of output channels for ``num_classes`` classes (background excluded)."""
    if mode not in MODES:
        raise ValueError(f"unknown model mode {mode!r}; expected one of {MODES}")
    return num_classes + 1 + (1 if mode == "count" else 0)


class _Block(nn.Sequential):
    def __init__(self, cin: int, cout: int) -> None:
        super().__init__(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
        )


class UNet(nn.Module):
    """A small UNet: ``depth`` down/up levels, ``width`` channels at full resolution."""

    def __init__(self, in_channels: int, out_channels: int, spec: NetworkSpec) -> None:
        super().__init__()
        widths = [spec.width * 2**i for i in range(spec.depth + 1)]
        self.depth = spec.depth
        self.scale = max(int(spec.scale), 1)
        self.down = nn.ModuleList()
        cin = in_channels
        for w in widths:
            self.down.append(_Block(cin, w))
            cin = w
        self.pool = nn.MaxPool2d(2)
        self.upconv = nn.ModuleList()
        self.up = nn.ModuleList()
        for w in reversed(widths[:-1]):
            self.upconv.append(nn.ConvTranspose2d(w * 2, w, 2, stride=2))
            self.up.append(_Block(w * 2, w))
        self.head = nn.Conv2d(widths[0], out_channels, 1)
        self.box_head = nn.Conv2d(widths[0], BOX_CHANNELS, 1) if spec.boxes else None

    def forward(self, x: torch.Tensor, boxes: bool = False) -> torch.Tensor:
        """The output channels of the contract above; with ``boxes`` (a network built with
        ``NetworkSpec.boxes``) followed by the four box-distance logits."""
        if self.scale > 1:
            x = functional.avg_pool2d(x, self.scale)
        skips = []
        for i, block in enumerate(self.down):
            x = block(x)
            if i < self.depth:
                skips.append(x)
                x = self.pool(x)
        for upconv, block in zip(self.upconv, self.up, strict=False):
            x = upconv(x)
            x = block(torch.cat([x, skips.pop()], dim=1))
        if boxes and self.box_head is not None:
            x = torch.cat([self.head(x), self.box_head(x)], dim=1)
        else:
            x = self.head(x)
        if self.scale > 1:
            x = functional.interpolate(x, scale_factor=self.scale, mode="bilinear", align_corners=False)
        return x


def build_network(
    in_channels: int, num_classes: int, mode: str, spec: NetworkSpec | dict | None = None
) -> UNet:
    """Build the network for ``num_classes`` classes in ``mode`` ('count' or 'segmentation')."""
    if not isinstance(spec, NetworkSpec):
        spec = NetworkSpec.from_dict(spec)
    return UNet(in_channels, output_channels(num_classes, mode), spec)
