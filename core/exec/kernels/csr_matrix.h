#pragma once
// A weight matrix in compressed sparse rows, as cost/weight_storage.h counts it: the nonzero values
// (float32), one column index per value (uint16 when the matrix has at most 65,536 columns, else uint32) and
// rows + 1 row starts (uint32). bytes() equals cost::csrBytes() for the same matrix. Internal to core/exec:
// the sparse Conv and Gemm kernels build one at load time (shared by every kernel of the Net that reads the
// same weight, see csrOf) and the Net then frees the dense weight.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/cost/weight_storage.h"
#include "core/exec/kernel.h"

namespace tessera::exec::kernels {

class CsrMatrix {
public:
    // From a dense row-major rows x cols matrix; with `transposed`, `dense` is the cols x rows matrix whose
    // transpose is wanted (a Gemm's B when transB = 0).
    static CsrMatrix fromDense(const float* dense, std::int64_t rows, std::int64_t cols,
                               bool transposed = false) {
        CsrMatrix m;
        m.m_rows = rows;
        m.m_cols = cols;
        m.m_wide = cost::csrIndexBytes(cols) == 4;
        m.m_rowStart.reserve(std::size_t(rows + 1));
        m.m_rowStart.push_back(0);
        for (std::int64_t r = 0; r < rows; ++r) {
            for (std::int64_t c = 0; c < cols; ++c) {
                const float v = transposed ? dense[c * rows + r] : dense[r * cols + c];
                if (v != 0.f) {
                    m.m_values.push_back(v);
                    if (m.m_wide) {
                        m.m_col32.push_back(std::uint32_t(c));
                    } else {
                        m.m_col16.push_back(std::uint16_t(c));
                    }
                }
            }
            m.m_rowStart.push_back(std::uint32_t(m.m_values.size()));
        }
        m.m_values.shrink_to_fit();
        m.m_col16.shrink_to_fit();
        m.m_col32.shrink_to_fit();
        return m;
    }

    std::int64_t rows() const { return m_rows; }
    std::int64_t cols() const { return m_cols; }
    std::int64_t nonzeros() const { return std::int64_t(m_values.size()); }
    std::size_t bytes() const {
        return m_values.size() * sizeof(float) + m_col16.size() * 2 + m_col32.size() * 4 +
               m_rowStart.size() * 4;
    }

    // Calls fn(values, columns, count) for row r; `columns` is a uint16_t or uint32_t pointer.
    template <typename Fn> void row(std::int64_t r, Fn&& fn) const {
        const std::uint32_t begin = m_rowStart[std::size_t(r)], end = m_rowStart[std::size_t(r + 1)];
        if (m_wide) {
            fn(m_values.data() + begin, m_col32.data() + begin, std::int64_t(end - begin));
        } else {
            fn(m_values.data() + begin, m_col16.data() + begin, std::int64_t(end - begin));
        }
    }

private:
    std::int64_t m_rows = 0, m_cols = 0;
    bool m_wide = false;
    std::vector<float> m_values;
    std::vector<std::uint16_t> m_col16;
    std::vector<std::uint32_t> m_col32;
    std::vector<std::uint32_t> m_rowStart;
};

// The CSR form of the weight (input 1) of `init`'s node, as CsrMatrix::fromDense(dense, rows, cols,
// transposed) makes it: one per weight and form in the Net when init.derived is given.
inline std::shared_ptr<const CsrMatrix> csrOf(const KernelInit& init, const float* dense, std::int64_t rows,
                                              std::int64_t cols, bool transposed = false) {
    auto make = [&] { return CsrMatrix::fromDense(dense, rows, cols, transposed); };
    if (!init.derived) {
        return std::make_shared<const CsrMatrix>(make());
    }
    const std::string key = init.node.inputs.at(1) + "/csr" + (transposed ? "T" : "") + std::to_string(rows) +
                            "x" + std::to_string(cols);
    return init.derived->get<CsrMatrix>(key, make);
}

} // namespace tessera::exec::kernels
