package org.meterline.simulator.internal.cosem;

import java.util.List;
import org.meterline.simulator.internal.MeterState;
import org.meterline.simulator.internal.MeterState.ImageState;
import org.openmuc.jdlms.AttributeAccessMode;
import org.openmuc.jdlms.CosemAttribute;
import org.openmuc.jdlms.CosemClass;
import org.openmuc.jdlms.CosemInterfaceObject;
import org.openmuc.jdlms.CosemMethod;
import org.openmuc.jdlms.DlmsInterceptor;
import org.openmuc.jdlms.IllegalMethodAccessException;
import org.openmuc.jdlms.MethodResultCode;
import org.openmuc.jdlms.datatypes.BitString;
import org.openmuc.jdlms.datatypes.DataObject;

/**
 * Interface class 18 Image Transfer, block size 192. Only which blocks arrived is kept, not their bytes.
 * Initiating again with the same identifier and size keeps the received blocks (resume); verify succeeds
 * when every block arrived; activate makes the identifier the active firmware.
 */
@CosemClass(id = 18)
public class ImageTransferObj extends CosemInterfaceObject {

    private static final DataObject BLOCK_SIZE = DataObject.newUInteger32Data(MeterState.IMAGE_BLOCK_SIZE);
    private static final DataObject ENABLED = DataObject.newBoolData(true);

    @CosemAttribute(id = 2, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject imageBlockSize = BLOCK_SIZE;

    @CosemAttribute(id = 3, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject imageTransferredBlocksStatus;

    @CosemAttribute(id = 4, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject imageFirstNotTransferredBlockNumber;

    @CosemAttribute(id = 5, accessMode = AttributeAccessMode.READ_ONLY)
    private final DataObject imageTransferEnabled = ENABLED;

    @CosemAttribute(id = 6, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject imageTransferStatus;

    @CosemAttribute(id = 7, accessMode = AttributeAccessMode.READ_ONLY)
    private DataObject imageToActivateInfo;

    private final MeterState meter;

    public ImageTransferObj(DlmsInterceptor guard, MeterState meter) {
        super("0.0.44.0.0.255", guard);
        this.meter = meter;
    }

    public DataObject getImageTransferredBlocksStatus() {
        synchronized (meter) {
            ImageState s = meter.image();
            int n = s.blockCount();
            byte[] bits = new byte[(n + 7) / 8];
            for (int i = s.blocks.nextSetBit(0); i >= 0 && i < n; i = s.blocks.nextSetBit(i + 1)) {
                bits[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
            return DataObject.newBitStringData(new BitString(bits, n));
        }
    }

    public DataObject getImageFirstNotTransferredBlockNumber() {
        synchronized (meter) {
            return Values.u32(meter.image().firstMissing());
        }
    }

    public DataObject getImageTransferStatus() {
        synchronized (meter) {
            return DataObject.newEnumerateData(meter.image().status);
        }
    }

    public DataObject getImageToActivateInfo() {
        synchronized (meter) {
            ImageState s = meter.image();
            if (s.status == 0) {
                return DataObject.newArrayData(List.of());
            }
            return DataObject.newArrayData(List.of(DataObject.newStructureData(Values.u32(s.size),
                    DataObject.newOctetStringData(s.identifier.clone()), DataObject.newOctetStringData(new byte[0]))));
        }
    }

    /** initiate(structure{identifier octet-string, size double-long-unsigned}). */
    @CosemMethod(id = 1)
    public void imageTransferInitiate(DataObject parameter) throws IllegalMethodAccessException {
        byte[] identifier;
        long size;
        try {
            List<DataObject> p = parameter.getValue();
            identifier = p.get(0).getValue();
            size = Values.number(p.get(1));
        } catch (RuntimeException e) {
            throw new IllegalMethodAccessException(MethodResultCode.TYPE_UNMATCHED);
        }
        if (size <= 0 || identifier.length == 0) {
            throw new IllegalMethodAccessException(MethodResultCode.OTHER_REASON);
        }
        synchronized (meter) {
            ImageState s = meter.image();
            boolean resume = s.status != 0 && s.size == size && java.util.Arrays.equals(s.identifier, identifier);
            if (!resume) {
                s.identifier = identifier.clone();
                s.size = size;
                s.blocks = new java.util.BitSet();
            }
            s.status = 1;
        }
    }

    /** image_block_transfer(structure{number double-long-unsigned, value octet-string}). */
    @CosemMethod(id = 2)
    public void imageBlockTransfer(DataObject parameter) throws IllegalMethodAccessException {
        long number;
        byte[] value;
        try {
            List<DataObject> p = parameter.getValue();
            number = Values.number(p.get(0));
            value = p.get(1).getValue();
        } catch (RuntimeException e) {
            throw new IllegalMethodAccessException(MethodResultCode.TYPE_UNMATCHED);
        }
        synchronized (meter) {
            ImageState s = meter.image();
            if (s.status == 0) {
                throw new IllegalMethodAccessException(MethodResultCode.TEMPORARY_FAILURE);
            }
            int count = s.blockCount();
            if (number < 0 || number >= count) {
                throw new IllegalMethodAccessException(MethodResultCode.OTHER_REASON);
            }
            long expected = number == count - 1 ? s.size - (long) (count - 1) * MeterState.IMAGE_BLOCK_SIZE
                    : MeterState.IMAGE_BLOCK_SIZE;
            if (value.length != expected) {
                throw new IllegalMethodAccessException(MethodResultCode.OTHER_REASON);
            }
            s.blocks.set((int) number);
            s.status = 1;
        }
    }

    /** image_verify(integer 0): succeeds when every block arrived. */
    @CosemMethod(id = 3)
    public void imageVerify(DataObject parameter) throws IllegalMethodAccessException {
        synchronized (meter) {
            ImageState s = meter.image();
            if (s.status == 0) {
                throw new IllegalMethodAccessException(MethodResultCode.TEMPORARY_FAILURE);
            }
            boolean complete = s.blocks.nextClearBit(0) >= s.blockCount();
            s.status = complete ? 3 : 4;
            if (!complete) {
                throw new IllegalMethodAccessException(MethodResultCode.OTHER_REASON);
            }
        }
    }

    /** image_activate(integer 0): the verified image becomes the active firmware. */
    @CosemMethod(id = 4)
    public void imageActivate(DataObject parameter) throws IllegalMethodAccessException {
        synchronized (meter) {
            ImageState s = meter.image();
            if (s.status != 3) {
                throw new IllegalMethodAccessException(MethodResultCode.TEMPORARY_FAILURE);
            }
            s.status = 6;
            meter.activateImage(new String(s.identifier, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
