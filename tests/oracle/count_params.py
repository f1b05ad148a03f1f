#!/usr/bin/python3
"""Independent parameter count of an ONNX model with the reference `onnx` Python package (test use only).

Counts the elements of every floating-point tensor that holds weights: initializers and Constant-node
values of rank >= 1 (rank-0 constants are operator settings such as clip bounds). Prints one integer.
"""
import sys

import numpy
import onnx
from onnx import numpy_helper

model = onnx.load(sys.argv[1])
tensors = list(model.graph.initializer)
tensors += [a.t for n in model.graph.node if n.op_type == "Constant" for a in n.attribute if a.name == "value"]
total = 0
for t in tensors:
    array = numpy_helper.to_array(t)
    if array.dtype.kind == "f" and array.ndim >= 1:
        total += int(array.size)
print(total)
