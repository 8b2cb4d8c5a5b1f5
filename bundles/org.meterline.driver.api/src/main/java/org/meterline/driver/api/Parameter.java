package org.meterline.driver.api;

import java.math.BigDecimal;
import org.meterline.core.api.ObisCode;

/** A setting to write to a meter. */
public sealed interface Parameter permits Parameter.CtRatio, Parameter.PtRatio, Parameter.Value {

    /** The current transformer ratio (primary / secondary), e.g. 40 for 200/5 A. */
    record CtRatio(BigDecimal ratio) implements Parameter {
    }

    /** The voltage transformer ratio. */
    record PtRatio(BigDecimal ratio) implements Parameter {
    }

    /**
     * Any attribute of a COSEM object, for parameter templates: the value is written as the
     * attribute's type (number, text or octets given as hex).
     */
    record Value(ObisCode item, int classId, int attribute, String value) implements Parameter {
    }
}
