#include "core/model/constant_fold.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace tessera::model {
namespace {

const std::set<std::string> kFoldable = {
    "Identity", "Shape", "Size", "Gather", "Unsqueeze", "Squeeze", "Concat",          "Reshape", "Flatten",
    "Slice",    "Cast",  "Add",  "Sub",    "Mul",       "Div",     "ConstantOfShape", "Range",   "Constant"};

Error fail(const std::string& message) {
    return Error{ErrorCode::InvalidModel, message};
}

std::vector<std::int64_t> strides(const Shape& shape) {
    std::vector<std::int64_t> s(shape.size(), 1);
    for (int i = int(shape.size()) - 2; i >= 0; --i) {
        s[i] = s[i + 1] * shape[i + 1];
    }
    return s;
}

// An empty tensor of `type` with `shape`, storage sized.
Tensor make(DType type, Shape shape) {
    Tensor t;
    t.dtype = type;
    t.shape = std::move(shape);
    if (type == DType::Float32) {
        t.floats.resize(std::size_t(t.elements()));
    } else {
        t.ints.resize(std::size_t(t.elements()));
    }
    return t;
}

void copyElement(const Tensor& from, std::size_t i, Tensor& to, std::size_t j) {
    if (to.dtype == DType::Float32) {
        to.floats[j] = float(from.at(i));
    } else {
        to.ints[j] = from.intAt(i);
    }
}

std::int64_t normAxis(std::int64_t axis, std::size_t rank) {
    return axis < 0 ? axis + std::int64_t(rank) : axis;
}

std::vector<std::int64_t> intsOf(const Tensor& t) {
    std::vector<std::int64_t> v;
    for (std::size_t i = 0; i < std::size_t(t.elements()); ++i) {
        v.push_back(t.intAt(i));
    }
    return v;
}

Expected<Tensor> reshapeTo(const Tensor& data, const std::vector<std::int64_t>& request, bool allowZero) {
    Shape out;
    std::int64_t known = 1;
    int inferAt = -1;
    for (std::size_t i = 0; i < request.size(); ++i) {
        std::int64_t d = request[i];
        if (d == 0 && !allowZero) {
            if (i >= data.shape.size()) {
                return fail("Reshape: 0 at position " + std::to_string(i) +
                            " has no input dimension to copy");
            }
            d = data.shape[i];
        }
        if (d == -1) {
            inferAt = int(i);
            out.push_back(1);
            continue;
        }
        known *= d;
        out.push_back(d);
    }
    if (inferAt >= 0) {
        if (known == 0 || data.elements() % known != 0) {
            return fail("Reshape: cannot infer -1 for " + std::to_string(data.elements()) + " elements");
        }
        out[std::size_t(inferAt)] = data.elements() / known;
    }
    if (elementCount(out) != data.elements()) {
        return fail("Reshape: target shape " + toString(out) + " does not hold " +
                    std::to_string(data.elements()) + " elements");
    }
    Tensor t = data;
    t.shape = out;
    return t;
}

Expected<Tensor> broadcast(const Tensor& a, const Tensor& b, const std::string& op) {
    const std::size_t rank = std::max(a.shape.size(), b.shape.size());
    Shape out(rank);
    auto dimOf = [rank](const Shape& s, std::size_t i) {
        const std::size_t offset = rank - s.size();
        return i < offset ? std::int64_t(1) : s[i - offset];
    };
    for (std::size_t i = 0; i < rank; ++i) {
        const auto da = dimOf(a.shape, i);
        const auto db = dimOf(b.shape, i);
        if (da != db && da != 1 && db != 1) {
            return fail(op + ": shapes " + toString(a.shape) + " and " + toString(b.shape) +
                        " do not broadcast");
        }
        out[i] = std::max(da, db);
    }
    const DType type = (a.dtype == DType::Float32 || b.dtype == DType::Float32) ? DType::Float32 : a.dtype;
    Tensor t = make(type, out);
    const auto outStrides = strides(out);
    auto sourceIndex = [&](const Shape& s, std::int64_t flat) {
        const auto st = strides(s);
        const std::size_t offset = rank - s.size();
        std::int64_t index = 0;
        for (std::size_t i = offset; i < rank; ++i) {
            const std::int64_t coord = (flat / outStrides[i]) % out[i];
            index += (s[i - offset] == 1 ? 0 : coord) * st[i - offset];
        }
        return std::size_t(index);
    };
    for (std::int64_t i = 0; i < t.elements(); ++i) {
        const std::size_t ia = sourceIndex(a.shape, i);
        const std::size_t ib = sourceIndex(b.shape, i);
        if (type == DType::Float32) {
            const double x = a.at(ia);
            const double y = b.at(ib);
            double r = 0;
            if (op == "Add") {
                r = x + y;
            } else if (op == "Sub") {
                r = x - y;
            } else if (op == "Mul") {
                r = x * y;
            } else {
                r = x / y;
            }
            t.floats[std::size_t(i)] = float(r);
        } else {
            const std::int64_t x = a.intAt(ia);
            const std::int64_t y = b.intAt(ib);
            std::int64_t r = 0;
            if (op == "Add") {
                r = x + y;
            } else if (op == "Sub") {
                r = x - y;
            } else if (op == "Mul") {
                r = x * y;
            } else {
                if (y == 0) {
                    return fail("Div: integer division by zero");
                }
                r = x / y;
            }
            t.ints[std::size_t(i)] = r;
        }
    }
    return t;
}

Expected<Tensor> gather(const Tensor& data, const Tensor& indices, std::int64_t axisAttr) {
    if (data.shape.empty()) {
        return fail("Gather: data is a scalar");
    }
    const auto axis = std::size_t(normAxis(axisAttr, data.shape.size()));
    Shape out(data.shape.begin(), data.shape.begin() + std::ptrdiff_t(axis));
    out.insert(out.end(), indices.shape.begin(), indices.shape.end());
    out.insert(out.end(), data.shape.begin() + std::ptrdiff_t(axis) + 1, data.shape.end());
    Tensor t = make(data.dtype, out);
    std::int64_t outer = 1;
    for (std::size_t i = 0; i < axis; ++i) {
        outer *= data.shape[i];
    }
    const std::int64_t inner =
        elementCount(Shape(data.shape.begin() + std::ptrdiff_t(axis) + 1, data.shape.end()));
    const std::int64_t axisDim = data.shape[axis];
    const std::int64_t count = indices.elements();
    std::size_t j = 0;
    for (std::int64_t o = 0; o < outer; ++o) {
        for (std::int64_t k = 0; k < count; ++k) {
            std::int64_t index = indices.intAt(std::size_t(k));
            index = index < 0 ? index + axisDim : index;
            if (index < 0 || index >= axisDim) {
                return fail("Gather: index " + std::to_string(indices.intAt(std::size_t(k))) +
                            " out of range");
            }
            for (std::int64_t in = 0; in < inner; ++in) {
                copyElement(data, std::size_t((o * axisDim + index) * inner + in), t, j++);
            }
        }
    }
    return t;
}

Expected<Tensor> concat(const std::vector<const Tensor*>& parts, std::int64_t axisAttr) {
    const Tensor& first = *parts.front();
    const auto axis = std::size_t(normAxis(axisAttr, first.shape.size()));
    Shape out = first.shape;
    out[axis] = 0;
    for (const Tensor* p : parts) {
        if (p->shape.size() != first.shape.size()) {
            return fail("Concat: inputs of different rank");
        }
        out[axis] += p->shape[axis];
    }
    Tensor t = make(first.dtype, out);
    std::int64_t outer = 1;
    for (std::size_t i = 0; i < axis; ++i) {
        outer *= out[i];
    }
    std::size_t j = 0;
    for (std::int64_t o = 0; o < outer; ++o) {
        for (const Tensor* p : parts) {
            const std::int64_t block =
                elementCount(Shape(p->shape.begin() + std::ptrdiff_t(axis), p->shape.end()));
            for (std::int64_t k = 0; k < block; ++k) {
                copyElement(*p, std::size_t(o * block + k), t, j++);
            }
        }
    }
    return t;
}

Expected<Tensor> slice(const Tensor& data, std::vector<std::int64_t> starts, std::vector<std::int64_t> ends,
                       std::vector<std::int64_t> axes, std::vector<std::int64_t> steps) {
    const std::size_t rank = data.shape.size();
    if (axes.empty()) {
        for (std::size_t i = 0; i < starts.size(); ++i) {
            axes.push_back(std::int64_t(i));
        }
    }
    if (steps.empty()) {
        steps.assign(starts.size(), 1);
    }
    if (ends.size() != starts.size() || axes.size() != starts.size() || steps.size() != starts.size()) {
        return fail("Slice: starts, ends, axes and steps differ in length");
    }
    std::vector<std::int64_t> begin(rank, 0), step(rank, 1);
    Shape out = data.shape;
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const auto axis = std::size_t(normAxis(axes[k], rank));
        const std::int64_t dim = data.shape[axis];
        const std::int64_t s = steps[k];
        if (s == 0) {
            return fail("Slice: step 0");
        }
        auto clampIndex = [&](std::int64_t v, bool isEnd) {
            if (v < 0) {
                v += dim;
            }
            if (s > 0) {
                return std::clamp<std::int64_t>(v, 0, dim);
            }
            // negative steps walk down from start (at most dim-1) to end (at least -1, i.e. past index 0)
            return std::clamp<std::int64_t>(v, isEnd ? -1 : 0, dim - 1);
        };
        const std::int64_t b = clampIndex(starts[k], false);
        const std::int64_t e = clampIndex(ends[k], true);
        const std::int64_t n = s > 0 ? std::max<std::int64_t>(0, (e - b + s - 1) / s)
                                     : std::max<std::int64_t>(0, (b - e + (-s) - 1) / (-s));
        begin[axis] = b;
        step[axis] = s;
        out[axis] = n;
    }
    Tensor t = make(data.dtype, out);
    const auto inStrides = strides(data.shape);
    const auto outStrides = strides(out);
    for (std::int64_t i = 0; i < t.elements(); ++i) {
        std::int64_t src = 0;
        for (std::size_t d = 0; d < rank; ++d) {
            const std::int64_t coord = (i / outStrides[d]) % out[d];
            src += (begin[d] + coord * step[d]) * inStrides[d];
        }
        copyElement(data, std::size_t(src), t, std::size_t(i));
    }
    return t;
}

Expected<Tensor> cast(const Tensor& input, std::int64_t to) {
    DType type;
    switch (to) {
    case 1:  // FLOAT
    case 10: // FLOAT16 (Tessera computes in fp32)
    case 11: // DOUBLE
        type = DType::Float32;
        break;
    case 7:
        type = DType::Int64;
        break;
    case 6:
        type = DType::Int32;
        break;
    case 3:
        type = DType::Int8;
        break;
    case 2:
        type = DType::UInt8;
        break;
    case 9:
        type = DType::Bool;
        break;
    default:
        return Error{ErrorCode::Unsupported, "Cast: target type " + std::to_string(to) + " is not supported"};
    }
    Tensor t = make(type, input.shape);
    for (std::size_t i = 0; i < std::size_t(t.elements()); ++i) {
        if (type == DType::Float32) {
            t.floats[i] = float(input.at(i));
        } else if (type == DType::Bool) {
            t.ints[i] = input.at(i) != 0.0;
        } else {
            t.ints[i] = std::int64_t(input.at(i));
        }
    }
    return t;
}

// Reads an axes list given as an attribute (older opsets) or as the optional input `index`.
std::vector<std::int64_t> axesOf(const Node& node, const std::vector<const Tensor*>& inputs,
                                 std::size_t index) {
    if (node.has("axes")) {
        return node.attrInts("axes");
    }
    if (inputs.size() > index && inputs[index]) {
        return intsOf(*inputs[index]);
    }
    return {};
}

} // namespace

bool isFoldableOp(const Node& node) {
    return node.domain.empty() && kFoldable.count(node.opType) != 0;
}

Expected<std::vector<Tensor>> foldNode(const Node& node, const std::vector<const Tensor*>& inputs,
                                       const std::vector<Shape>& inputShapes, std::int64_t opset) {
    const std::string& op = node.opType;
    auto in = [&](std::size_t i) -> const Tensor& { return *inputs[i]; };
    auto one = [](Expected<Tensor> t) -> Expected<std::vector<Tensor>> {
        if (!t) {
            return t.error();
        }
        return std::vector<Tensor>{std::move(*t)};
    };

    if (op == "Shape" || op == "Size") {
        const Shape& s = inputShapes.at(0);
        if (op == "Size") {
            return one(Tensor::fromInts({}, {elementCount(s)}));
        }
        const auto rank = std::int64_t(s.size());
        std::int64_t start = std::clamp<std::int64_t>(normAxis(node.attrInt("start", 0), s.size()), 0, rank);
        std::int64_t end =
            node.has("end") ? std::clamp<std::int64_t>(normAxis(node.attrInt("end", rank), s.size()), 0, rank)
                            : rank;
        std::vector<std::int64_t> dims(s.begin() + start, s.begin() + std::max(start, end));
        return one(Tensor::fromInts({std::int64_t(dims.size())}, dims));
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (!inputs[i] && !node.inputs[i].empty()) {
            return fail(op + ": input '" + node.inputs[i] + "' is not constant");
        }
    }
    if (op == "Constant") {
        if (node.has("value")) {
            return one(std::get<Tensor>(node.attributes.at("value")));
        }
        if (node.has("value_float")) {
            return one(Tensor::fromFloats({}, {node.attrFloat("value_float", 0)}));
        }
        if (node.has("value_floats")) {
            auto v = std::get<std::vector<float>>(node.attributes.at("value_floats"));
            return one(Tensor::fromFloats({std::int64_t(v.size())}, v));
        }
        if (node.has("value_int")) {
            return one(Tensor::fromInts({}, {node.attrInt("value_int", 0)}));
        }
        if (node.has("value_ints")) {
            auto v = node.attrInts("value_ints");
            return one(Tensor::fromInts({std::int64_t(v.size())}, v));
        }
        return Error{ErrorCode::Unsupported,
                     "Constant: only tensor, float(s) and int(s) values are supported"};
    }
    if (op == "Identity") {
        return one(in(0));
    }
    if (op == "Gather") {
        return one(gather(in(0), in(1), node.attrInt("axis", 0)));
    }
    if (op == "Unsqueeze") {
        const Tensor& data = in(0);
        auto axes = axesOf(node, inputs, 1);
        const std::size_t rank = data.shape.size() + axes.size();
        for (auto& a : axes) {
            a = normAxis(a, rank);
        }
        std::sort(axes.begin(), axes.end());
        Shape out = data.shape;
        for (auto a : axes) {
            if (a < 0 || a > std::int64_t(out.size())) {
                return fail("Unsqueeze: axis out of range");
            }
            out.insert(out.begin() + a, 1);
        }
        Tensor t = data;
        t.shape = out;
        return one(std::move(t));
    }
    if (op == "Squeeze") {
        const Tensor& data = in(0);
        auto axes = axesOf(node, inputs, 1);
        Shape out;
        for (std::size_t i = 0; i < data.shape.size(); ++i) {
            const bool listed = axes.empty() ? data.shape[i] == 1
                                             : std::any_of(axes.begin(), axes.end(), [&](std::int64_t a) {
                                                   return std::size_t(normAxis(a, data.shape.size())) == i;
                                               });
            if (!listed) {
                out.push_back(data.shape[i]);
            }
        }
        Tensor t = data;
        t.shape = out;
        return one(std::move(t));
    }
    if (op == "Concat") {
        return one(concat(inputs, node.attrInt("axis", 0)));
    }
    if (op == "Reshape") {
        if (opset < 5) {
            return one(reshapeTo(in(0), node.attrInts("shape"), false));
        }
        return one(reshapeTo(in(0), intsOf(in(1)), node.attrInt("allowzero", 0) != 0));
    }
    if (op == "Flatten") {
        const Tensor& data = in(0);
        const auto axis = normAxis(node.attrInt("axis", 1), data.shape.size());
        const std::int64_t outer = elementCount(Shape(data.shape.begin(), data.shape.begin() + axis));
        return one(reshapeTo(data, {outer, data.elements() / std::max<std::int64_t>(outer, 1)}, false));
    }
    if (op == "Slice") {
        if (opset < 10) {
            return one(
                slice(in(0), node.attrInts("starts"), node.attrInts("ends"), node.attrInts("axes"), {}));
        }
        auto optional = [&](std::size_t i) {
            return inputs.size() > i && inputs[i] ? intsOf(*inputs[i]) : std::vector<std::int64_t>{};
        };
        return one(slice(in(0), intsOf(in(1)), intsOf(in(2)), optional(3), optional(4)));
    }
    if (op == "Cast") {
        return one(cast(in(0), node.attrInt("to", 1)));
    }
    if (op == "Add" || op == "Sub" || op == "Mul" || op == "Div") {
        return one(broadcast(in(0), in(1), op));
    }
    if (op == "ConstantOfShape") {
        const auto dims = intsOf(in(0));
        Tensor value = node.has("value") ? std::get<Tensor>(node.attributes.at("value"))
                                         : Tensor::fromFloats({1}, {0.f});
        Tensor t = make(value.dtype, dims);
        for (std::size_t i = 0; i < std::size_t(t.elements()); ++i) {
            copyElement(value, 0, t, i);
        }
        return one(std::move(t));
    }
    if (op == "Range") {
        const double start = in(0).at(0), limit = in(1).at(0), delta = in(2).at(0);
        if (delta == 0) {
            return fail("Range: delta is 0");
        }
        const auto n = std::int64_t(std::max(0.0, std::ceil((limit - start) / delta)));
        Tensor t = make(in(0).dtype, {n});
        for (std::int64_t i = 0; i < n; ++i) {
            const double v = start + double(i) * delta;
            if (t.dtype == DType::Float32) {
                t.floats[std::size_t(i)] = float(v);
            } else {
                t.ints[std::size_t(i)] = std::int64_t(v);
            }
        }
        return one(std::move(t));
    }
    return Error{ErrorCode::Unsupported, "constant folding of " + op + " is not implemented"};
}

} // namespace tessera::model
