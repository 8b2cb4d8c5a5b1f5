package org.meterline.simulator.internal.cosem;

import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openmuc.jdlms.AccessResultCode;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.IllegalAttributeAccessException;
import org.openmuc.jdlms.datatypes.DataObject;

/** Interface class 1 Data: a value computed on read, optionally writable. */
@CosemClass(id = 1)
public class DataObj extends CosemInterfaceObject {

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_AND_WRITE)
    private DataObject value;

    private final Supplier<DataObject> reader;
    private final Predicate<DataObject> writer;

    /**
     * @param writer null for read-only; returns false if the value is rejected (wrong type or range)
     */
    public DataObj(String obis, DlmsInterceptor guard, Supplier<DataObject> reader, Predicate<DataObject> writer) {
        super(obis, guard);
        this.reader = reader;
        this.writer = writer;
    }

    public DataObject getValue() {
        return reader.get();
    }

    public void setValue(DataObject newValue) throws IllegalAttributeAccessException {
        if (writer == null) {
            throw new IllegalAttributeAccessException(AccessResultCode.READ_WRITE_DENIED);
        }
        if (!writer.test(newValue)) {
            throw new IllegalAttributeAccessException(AccessResultCode.TYPE_UNMATCHED);
        }
    }
}
