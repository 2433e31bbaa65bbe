/**
 * The aggregation worker: holds the township grid index and the point batches, and answers the
 * client's requests off the main thread. All logic is in aggregation-protocol.ts; this file only
 * connects it to the worker's message port.
 */
import { createAggregationState, handleAggregationRequest, type AggregationRequest } from './aggregation-protocol'

const state = createAggregationState()

self.onmessage = (event: MessageEvent<AggregationRequest>) => {
  const { response, transfer } = handleAggregationRequest(state, event.data)
  self.postMessage(response, { transfer })
}
