package org.meterline.simulator.internal.cosem;

import java.util.function.Supplier;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.datatypes.DataObject;

/** Interface class 3 Register: value computed on read, fixed scaler and unit. */
@CosemClass(id = 3)
public class RegisterObj extends CosemInterfaceObject {

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject value;

    @CosemAttribute(id = 3, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject scalerUnit;

    private final Supplier<DataObject> reader;

    public RegisterObj(String obis, DlmsInterceptor guard, int scaler, int unit, Supplier<DataObject> reader) {
        super(obis, guard);
        this.scalerUnit = Values.scalerUnit(scaler, unit);
        this.reader = reader;
    }

    public DataObject getValue() {
        return reader.get();
    }
}
